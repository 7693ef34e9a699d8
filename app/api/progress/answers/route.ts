import { recordAnswer, recordAnswerIfSessionStands } from "@/lib/progress/answers";
import { answerInput } from "@/lib/progress/inputs";
import { claimFirstRoute } from "@/lib/http/handler";

/**
 * Store one quiz answer, graded on the server; acknowledged only after it is committed. On
 * PostgreSQL the common answer is one statement that also checks the session; anything else
 * takes the signed-in path (lib/http/handler.ts claimFirstRoute).
 */
export const POST = claimFirstRoute(
  answerInput,
  ({ db, claim, input }) => recordAnswerIfSessionStands(db, claim, input),
  ({ db, user, input }) => recordAnswer(db, user, input),
);
