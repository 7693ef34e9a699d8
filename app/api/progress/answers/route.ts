import { recordAnswer } from "@/lib/progress/answers";
import { answerInput } from "@/lib/progress/inputs";
import { userRoute } from "@/lib/http/handler";

/** Store one quiz answer, graded on the server; acknowledged only after it is committed. */
export const POST = userRoute(answerInput, ({ db, user, input }) => recordAnswer(db, user, input));
