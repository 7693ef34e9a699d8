// What a guest did in this browser, merged into the account they then sign in to. The browser's
// word is taken only for lessons done and best scores, never for answers, and the merge is
// idempotent: the same browser merged twice adds nothing.
import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import { findLessonQuiz, findQuizActivity, isGradedActivity } from "@/lib/content";
import { activityKindOf } from "@/lib/content/activity-id";
import { isKnownLocale } from "@/lib/content/known-locales";
import type { SessionUser } from "@/lib/auth/accounts";
import type { GuestMergeInput } from "./inputs";

const now = () => new Date().toISOString();

/**
 * Merges what a guest did in this browser into their account: lessons done and best scores.
 * Each guest score becomes one attempt with an id derived from the account and lesson, so
 * merging the same browser twice adds nothing. The locale of each is the one in the browser's key
 * ("<locale>/<course>/<lesson>"): the page's, where the guest did it.
 */
export async function mergeGuestProgress(handle: Db, actor: SessionUser, guest: GuestMergeInput): Promise<{ lessons: number; scores: number; skipped: number }> {
  let lessons = 0;
  let scores = 0;
  let skipped = 0;
  await writeTx(handle, async (trx) => {
    for (const [key, entry] of Object.entries(guest.lessons)) {
      const [locale, courseId, lessonId] = key.split("/");
      // A key of a language the app no longer serves (or never did) is skipped, not recorded.
      if (!isKnownLocale(locale)) {
        skipped++;
        continue;
      }
      const lesson = findLessonQuiz(locale, courseId, lessonId);
      const graded = isGradedActivity(locale, courseId, lessonId);
      if (!lesson && !graded) {
        skipped++;
        continue;
      }
      const at = safeTime(entry.doneAt);
      if (entry.doneAt && lesson) {
        const r = await trx
          .insertInto("lesson_completions")
          .values({ user_id: actor.id, course_id: courseId, lesson_id: lessonId, completed_at: at, locale })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        lessons += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      if (entry.bestPercent !== undefined && graded) {
        const id = derivedId(`guest-merge\u0000${actor.id}\u0000${courseId}\u0000${lessonId}`);
        // A check's score is kept (the learner's own dashboard shows it), but the browser does not
        // say which form it was taken on: quiz_id says so ("form-unknown"), and with no content
        // version it never enters a gain report or an item analysis.
        const quizId = activityKindOf(lessonId) === "check" ? "form-unknown" : findQuizActivity(locale, courseId, lessonId)!.quiz.id;
        const r = await trx
          .insertInto("quiz_attempts")
          // No content version: the browser does not say which version the guest took. Finished,
          // with no answers stored: an empty summary (answer-summary.ts).
          .values({ id, user_id: actor.id, course_id: courseId, lesson_id: lessonId, quiz_id: quizId, started_at: at, finished_at: at, score: entry.bestPercent / 100, source: "guest", content_version: null, answer_summary: "", locale })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        scores += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
    }
  });
  return { lessons, scores, skipped };
}

function safeTime(value: string | undefined): string {
  const t = value ? Date.parse(value) : NaN;
  return Number.isFinite(t) && t <= Date.now() ? new Date(t).toISOString() : now();
}

/** A UUID-shaped id derived from a string (stable across calls). */
function derivedId(seed: string): string {
  const h = crypto.createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
