import { finishAttempt } from "@/lib/progress/answers";
import { finishInput } from "@/lib/progress/inputs";
import { userRoute } from "@/lib/http/handler";
import { queueScoresAfterFinish } from "@/lib/lti/score-worker";

/**
 * Close a quiz attempt: score it and mark its lesson done (in the page's locale). A learner who
 * came from an LMS link with a gradebook column has the score queued for it (lib/lti/scores.ts).
 */
export const POST = userRoute(finishInput, async ({ db, user, input }) => {
  const finished = await finishAttempt(db, user, input.attemptId, input.locale);
  await queueScoresAfterFinish(db, user.id, finished.attemptId);
  return finished;
});
