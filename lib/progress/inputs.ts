// One zod schema per input of the progress data layer; route handlers parse with these.
import { z } from "zod";
import { slug } from "@/lib/content/schema";
import { knownLocale } from "@/lib/content/known-locales";
import { activityKindOf, parseProgressKey, type ActivityKind } from "@/lib/content/activity-id";

/** The page's locale: one of content/locales.json's. Every write records it (issue #25). */
export const locale = knownLocale;

/** A stored activity id of one of `kinds` (lib/content/activity-id.ts); the course is a field of its own. */
const activityId = (kinds: readonly ActivityKind[], message: string) =>
  z.string().refine((id) => {
    const kind = activityKindOf(id);
    return kind !== undefined && kinds.includes(kind);
  }, message);

/** A lesson, by its slug. */
const lessonId = activityId(["lesson"], "unknown lesson");
/** What progress is recorded under: a lesson (its quiz), a check slot or a booster. */
const gradedId = activityId(["lesson", "check", "booster"], "unknown lesson or quiz");

export const lessonRef = z.strictObject({ locale, courseId: slug, lessonId });

/** A lesson, for marking it done or not done. */
export type LessonRefInput = z.infer<typeof lessonRef>;

export const answerInput = z.strictObject({
  /** Client-generated id of this answer: sending it again stores nothing new. */
  id: z.uuid(),
  attemptId: z.uuid(),
  locale,
  courseId: slug,
  /** The graded activity (lib/content/activity-id.ts): a lesson's quiz, a check slot or a booster. */
  lessonId: gradedId,
  questionId: slug,
  /** Option ids; "<item>:<pile>" for sort questions; may be empty for discernment. */
  chosen: z.array(z.string().max(120, "unknown option").regex(/^[a-z0-9-]+(:[a-z0-9-]+)?$/, "unknown option")).max(30),
});
export type AnswerInput = z.infer<typeof answerInput>;

/**
 * A guest's answer to one question of an assessment or booster, graded and not stored. No ids:
 * nothing is kept to be idempotent about. The same bounds as a stored answer keep it small.
 * For a check slot the guest's browser names the form it drew (components/progress/arms.ts):
 * nothing is stored for a guest, so its word is all there is; for anything else a form is refused.
 */
export const publicAnswerInput = answerInput
  .omit({ id: true, attemptId: true })
  .extend({ form: z.enum(["a", "b"], { error: 'the form is "a" or "b"' }).optional() })
  .refine((a) => (a.form !== undefined) === (activityKindOf(a.lessonId) === "check"), {
    message: "name the form (a or b) for a check, and only for a check",
    path: ["form"],
  });
export type PublicAnswerInput = z.infer<typeof publicAnswerInput>;


const guestLesson = z.object({
  doneAt: z.string().max(40).optional(),
  bestPercent: z.number().int().min(0).max(100).optional(),
  lastPercent: z.number().int().min(0).max(100).optional(),
  attempts: z.number().int().min(0).max(10_000).optional(),
});

/** What a browser kept for a guest (components/progress/guest-progress.ts), sent at sign-in. */
export const guestMergeInput = z.strictObject({
  lessons: z.record(z.string().refine((key) => parseProgressKey(key) !== undefined, "unknown lesson key"), guestLesson).refine(
    (r) => Object.keys(r).length <= 500,
    "too many lessons",
  ),
});
/** Closing a quiz attempt; the locale is the page's, recorded with the lesson it completes. */
export const finishInput = z.strictObject({ attemptId: z.uuid(), locale });
export type FinishInput = z.infer<typeof finishInput>;

export type GuestMergeInput = z.infer<typeof guestMergeInput>;
