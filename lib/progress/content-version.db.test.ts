// Each attempt records the content version of the quiz it was taken on, so reports can tell results
// from before and after a content change apart (issue #22). Checked for every kind of activity an
// attempt is stored under: a lesson's quiz, both check slots (each on the learner's own form) and
// every booster. Scenarios and inoculation activities are played in the browser and store nothing.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { findActivityQuiz, getBoosters, getCourses, hasCheckForms } from "@/lib/content";
import { CHECK_SLOTS, formatActivityId, type ProgressActivity } from "@/lib/content/activity-id";
import { armFor } from "@/lib/experiments/arms";
import { FORMS_EXPERIMENT, formFor, type FormOrder } from "@/lib/quiz/experiments";
import { testEngines } from "@/lib/testing/db";
import { shownQuestions } from "@/lib/testing/pairs";
import { finishAttempt, recordAnswer } from "./answers";
import { mergeGuestProgress } from "./guest-merge";

process.env.LOG_SILENT = "1";

const course = getCourses("en")[0];
const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.quizId)!;
const activities: ProgressActivity[] = [
  { kind: "lesson", course: course.id, lesson: lesson.id },
  ...CHECK_SLOTS.map((slot): ProgressActivity => ({ kind: "check", course: course.id, slot })),
  ...getBoosters("en", course.id).map((b): ProgressActivity => ({ kind: "booster", course: course.id, booster: b.id })),
];

describe.each(testEngines())("content version of every kind of attempt on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let learner: SessionUser;
  let order: FormOrder;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    learner = await createAccount(handle, { email: `versions-${engine.name}@example.org`, displayName: "Versions", password: "river lamp orchard" });
    // The check page asks for the arms before it shows a question; so does this test.
    order = (await armFor(handle, learner, "en", course.id, FORMS_EXPERIMENT)) as FormOrder;
  });
  afterAll(async () => cleanup());

  it("covers a lesson quiz, both checks and a booster", () => {
    expect(hasCheckForms("en", course.id)).toBe(true);
    expect(new Set(activities.map((a) => a.kind))).toEqual(new Set(["lesson", "check", "booster"]));
  });

  it.each(activities)("an attempt at %o keeps the version of the quiz it was taken on, finished too", async (ref) => {
    const form = ref.kind === "check" ? formFor(ref.slot, order) : undefined;
    const quiz = findActivityQuiz("en", ref, form)!.quiz;
    const activityId = formatActivityId(ref);
    const [question] = await shownQuestions(handle, learner, "en", course.id, activityId, quiz.questions);
    const attemptId = crypto.randomUUID();
    await recordAnswer(handle, learner, { id: crypto.randomUUID(), attemptId, locale: "en", courseId: course.id, lessonId: activityId, questionId: question.id, chosen: question.correct });
    await finishAttempt(handle, learner, attemptId, "en");
    const row = await handle.db.selectFrom("quiz_attempts").select(["lesson_id", "quiz_id", "content_version", "finished_at"]).where("id", "=", attemptId).executeTakeFirstOrThrow();
    expect(quiz.version).toMatch(/^[0-9a-f]{16}$/);
    expect(row).toEqual({ lesson_id: activityId, quiz_id: quiz.id, content_version: quiz.version, finished_at: expect.any(String) });
  });

  it("leaves the version unknown only on scores merged from a guest's browser (reports leave those out)", async () => {
    const guest = await createAccount(handle, { email: `merged-${engine.name}@example.org`, displayName: "Merged", password: "river lamp orchard" });
    const lessons = Object.fromEntries(activities.map((ref) => [`en/${course.id}/${formatActivityId(ref)}`, { bestPercent: 50 }]));
    const merged = await mergeGuestProgress(handle, guest, { lessons });
    expect(merged.scores).toBe(activities.length);
    const rows = await handle.db.selectFrom("quiz_attempts").select(["source", "content_version"]).where("user_id", "=", guest.id).execute();
    expect(rows).toHaveLength(activities.length);
    expect(rows.every((r) => r.source === "guest" && r.content_version === null)).toBe(true);
  });
});
