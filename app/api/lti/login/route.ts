import { ltiFormRoute } from "@/lib/http/handler";
import { loginResponse } from "@/lib/lti/http";
import { loginInput } from "@/lib/lti/launch";

/** LTI 1.3 login initiation (OIDC third-party-initiated login): by GET or form POST, from the LMS. */
const handler = ltiFormRoute(loginInput, ({ db, input, request }) => loginResponse(db, input, request));
export const GET = handler;
export const POST = handler;
