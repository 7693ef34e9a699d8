import { completeLesson, uncompleteLesson } from "@/lib/progress/completions";
import { lessonRef } from "@/lib/progress/inputs";
import { userRoute } from "@/lib/http/handler";

/** Mark a lesson done (idempotent). */
export const POST = userRoute(lessonRef, ({ db, user, input }) => completeLesson(db, user, input));

/** Mark a lesson not done. */
export const DELETE = userRoute(lessonRef, async ({ db, user, input }) => {
  await uncompleteLesson(db, user, input);
  return { ok: true };
});
