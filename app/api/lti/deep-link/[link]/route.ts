import { idParam, userRoute } from "@/lib/http/handler";
import { answerDeepLinkRequest } from "@/lib/lti/http";
import { deepLinkInput } from "@/lib/lti/deep-linking";

/** A teacher's pick of lessons and quizzes: the signed deep-linking response for their LMS. */
export const POST = userRoute(deepLinkInput, ({ db, user, input, request, params }) => answerDeepLinkRequest(db, user, idParam(params, "link", "deepLink"), input, request));
