// A learner's record of lessons done: marked done by the learner (or by finishing the lesson's
// quiz, answers.ts), and un-marked when done by mistake. Only ever the acting user's own rows.
import "server-only";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import { findLessonQuiz } from "@/lib/content";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/accounts";
import type { LessonRefInput } from "./inputs";
import { enqueue } from "@/lib/xapi/outbox";
import { xapiTarget } from "@/lib/xapi/settings";
import { statementForCompletion } from "@/lib/xapi/statements";

const now = () => new Date().toISOString();

function lessonOrThrow(ref: LessonRefInput) {
  const found = findLessonQuiz(ref.locale, ref.courseId, ref.lessonId);
  if (!found) throw new AppError("not_found", "content.unknownLesson");
  return found;
}

export async function completeLesson(handle: Db, actor: SessionUser, ref: LessonRefInput): Promise<{ completedAt: string }> {
  lessonOrThrow(ref);
  const target = await xapiTarget(handle);
  return writeTx(handle, async (trx) => {
    const at = now();
    const inserted = await trx
      .insertInto("lesson_completions")
      .values({ user_id: actor.id, course_id: ref.courseId, lesson_id: ref.lessonId, completed_at: at, locale: ref.locale })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    // A learning record for a new completion only (lib/xapi), in this transaction.
    if (target && Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
      const statement = statementForCompletion(target, { userId: actor.id, locale: ref.locale, courseId: ref.courseId, lessonId: ref.lessonId, completedAt: at });
      await enqueue(trx, [{ statement, userId: actor.id }]);
    }
    const row = await trx
      .selectFrom("lesson_completions")
      .select("completed_at")
      .where("user_id", "=", actor.id)
      .where("course_id", "=", ref.courseId)
      .where("lesson_id", "=", ref.lessonId)
      .executeTakeFirstOrThrow();
    return { completedAt: row.completed_at };
  });
}

/** Un-marks a lesson the learner marked done by mistake (quiz attempts stay). */
export async function uncompleteLesson(handle: Db, actor: SessionUser, ref: LessonRefInput): Promise<void> {
  await handle.db
    .deleteFrom("lesson_completions")
    .where("user_id", "=", actor.id)
    .where("course_id", "=", ref.courseId)
    .where("lesson_id", "=", ref.lessonId)
    .execute();
}
