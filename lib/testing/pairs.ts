// Bias-check pairs in the data-layer tests: a learner answers one version of each pair (the
// server refuses the other, lib/progress/answers.ts), so a test that "takes a quiz" answers the
// questions this learner is shown, as a runner would. Content is read, never hard-coded: the
// pairs change with the item bank.
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { findQuizActivity } from "@/lib/content";
import { FORM_IDS } from "@/lib/content/check-forms";
import { armsFor } from "@/lib/experiments/arms";
import { hiddenByArms } from "@/lib/quiz/experiments";
import { activityKindOf } from "@/lib/content/activity-id";
import type { Question } from "@/lib/quiz/types";

/**
 * Of `questions` (of the activity's quiz), those the learner is shown: their arm's version of
 * each pair, assigned here if missing, as the page would have done.
 */
export async function shownQuestions(handle: Db, user: SessionUser, locale: string, courseId: string, activityId: string, questions: readonly Question[]): Promise<Question[]> {
  // A check slot is taken on form A or B (the learner's forms arm): `questions` are one form's,
  // so the pairs of both forms cover them.
  const forms = activityKindOf(activityId) === "check" ? FORM_IDS : [undefined];
  const pairs = forms.flatMap((form) => findQuizActivity(locale, courseId, activityId, form)?.quiz.biasPairs ?? []);
  if (!pairs.some((p) => questions.some((q) => p.versions.includes(q.id)))) return [...questions];
  const hidden = hiddenByArms(pairs, await armsFor(handle, user, locale, courseId));
  return questions.filter((q) => !hidden.has(q.id));
}
