import { ltiFormRoute } from "@/lib/http/handler";
import { launchResponse } from "@/lib/lti/http";
import { launchInput } from "@/lib/lti/launch";

/** LTI 1.3 launch: the LMS's form post of the id_token and state (response_mode form_post). */
export const POST = ltiFormRoute(launchInput, ({ db, input, request }) => launchResponse(db, input, request));
