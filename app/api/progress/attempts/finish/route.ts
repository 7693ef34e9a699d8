import { finishAttempt } from "@/lib/progress/answers";
import { finishInput } from "@/lib/progress/inputs";
import { userRoute } from "@/lib/http/handler";

/** Close a quiz attempt: score it and mark its lesson done (in the page's locale). */
export const POST = userRoute(finishInput, ({ db, user, input }) => finishAttempt(db, user, input.attemptId, input.locale));
