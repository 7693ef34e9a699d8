import { attitudeStatusQuery, attitudeSubmission } from "@/lib/attitudes/inputs";
import { submitAttitudes } from "@/lib/attitudes/mutations";
import { attitudeStatus } from "@/lib/attitudes/queries";
import { userRoute } from "@/lib/http/handler";

/** Whether the signed-in learner is asked for their views after this check, and has given them. */
export const GET = userRoute(attitudeStatusQuery, ({ db, user, input }) => attitudeStatus(db, user, input));

/** The learner's anonymous views; the groups they count in come from the learner's memberships. */
export const POST = userRoute(attitudeSubmission, ({ db, user, input }) => submitAttitudes(db, user, input));
