// The answer summary on both engines: finishAttempt writes it from the stored answers, a finished
// attempt refuses further answers (so the summary never falls behind), migration 0013 builds the
// same text in SQL for attempts finished before it, and the item analysis gives the same view
// from summaries as from the answers themselves.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { createAccount } from "@/lib/auth/accounts";
import { getCourses, getQuiz } from "@/lib/content";
import { createCohort } from "@/lib/cohorts/mutations";
import { itemAnalysis } from "@/lib/cohorts/reports";
import { backfillAnswerSummaries } from "@/lib/db/migrations/0013-attempt-answer-summary";
import { testEngines } from "@/lib/testing/db";
import { encodeAnswerSummary } from "./answer-summary";
import { finishAttempt, recordAnswer } from "./answers";

process.env.LOG_SILENT = "1";
const course = getCourses("en")[0];
const lesson = course.modules[0].lessons.find((l) => l.quizId)!;
const quiz = getQuiz("en", course.id, lesson.quizId!)!;

describe.each(testEngines())("answer summaries on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  let cohortId: string;
  const learners: SessionUser[] = [];

  const summaryOf = async (attemptId: string) =>
    (await handle.db.selectFrom("quiz_attempts").select("answer_summary").where("id", "=", attemptId).executeTakeFirstOrThrow()).answer_summary;
  const storedAnswers = (attemptId: string) => handle.db.selectFrom("quiz_responses").select(["question_id", "chosen", "correct"]).where("attempt_id", "=", attemptId).execute();

  /** Answers the first `count` questions, the i-th wrong when `wrong(i)`; finishes unless told not to. */
  async function take(user: SessionUser, count: number, wrong: (i: number) => boolean, finish = true) {
    const attemptId = crypto.randomUUID();
    for (const [i, q] of quiz.questions.slice(0, count).entries()) {
      const chosen = wrong(i) && q.type !== "sort" && q.type !== "discern" ? [q.options.find((o) => !q.correct.includes(o.id))!.id] : q.correct;
      await recordAnswer(handle, user, { id: crypto.randomUUID(), attemptId, locale: "en", courseId: course.id, lessonId: lesson.id, questionId: q.id, chosen });
    }
    if (finish) await finishAttempt(handle, user, attemptId, "en");
    return attemptId;
  }

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    lead = await createAccount(handle, { email: `lead-sum-${engine.name}@example.org`, displayName: "Lead", password: "river lamp orchard", role: "facilitator" });
    ({ id: cohortId } = await createCohort(handle, lead, { name: "Summaries", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] }));
    // Learners straight into the tables: their passwords play no part here.
    const at = new Date().toISOString();
    for (let i = 0; i < 6; i++) {
      const id = crypto.randomUUID();
      await handle.db.insertInto("users").values({ id, email: null, display_name: `S${i}`, password_hash: "x", role: "learner", created_at: at, login_name: `s-${id}`, suspended_at: null }).execute();
      await handle.db.insertInto("cohort_members").values({ cohort_id: cohortId, user_id: id, joined_at: at, pseudonymous: 1 }).execute();
      learners.push({ id, role: "learner", displayName: `S${i}` });
    }
  });
  afterAll(async () => cleanup());

  it("is written when an attempt finishes, from its stored answers, and not before", async () => {
    const open = await take(learners[0], quiz.questions.length, (i) => i % 2 === 0, false);
    expect(await summaryOf(open)).toBeNull();
    await finishAttempt(handle, learners[0], open, "en");
    const summary = await summaryOf(open);
    expect(summary).toBe(encodeAnswerSummary(await storedAnswers(open)));
    expect(summary!.split("\u001e")).toHaveLength(quiz.questions.length);
    // Finishing again (a retried request) changes nothing.
    await finishAttempt(handle, learners[0], open, "en");
    expect(await summaryOf(open)).toBe(summary);
  });

  it("never falls behind: a finished attempt refuses answers, by the fast path and the careful one", async () => {
    const attemptId = await take(learners[1], 2, () => false);
    const summary = await summaryOf(attemptId);
    // The next question (the fast path: the attempt exists) and a second answer to the first
    // question (the transaction that works out why) are both refused, and nothing is stored.
    for (const q of [quiz.questions[2], quiz.questions[0]]) {
      await expect(recordAnswer(handle, learners[1], { id: crypto.randomUUID(), attemptId, locale: "en", courseId: course.id, lessonId: lesson.id, questionId: q.id, chosen: q.correct })).rejects.toMatchObject({ code: "conflict" });
    }
    expect(await storedAnswers(attemptId)).toHaveLength(2);
    expect(await summaryOf(attemptId)).toBe(summary);
  });

  it("migration 0013 builds the same text in SQL for attempts finished before it; open ones keep none", async () => {
    const full = await take(learners[2], quiz.questions.length, (i) => i === 1);
    // Finished with no answer stored, as a merged guest score is (inserted as before 0013).
    const none = crypto.randomUUID();
    const at = new Date().toISOString();
    await handle.db
      .insertInto("quiz_attempts")
      .values({ id: none, user_id: learners[2].id, course_id: course.id, lesson_id: lesson.id, quiz_id: quiz.id, started_at: at, finished_at: at, score: 0.5, source: "guest" })
      .execute();
    const open = await take(learners[3], 2, () => true, false);
    const written = await summaryOf(full);
    await handle.db.updateTable("quiz_attempts").set({ answer_summary: null }).execute();
    await backfillAnswerSummaries(handle.db, engine.name);
    expect(await summaryOf(full)).toBe(written);
    expect(await summaryOf(none)).toBe("");
    expect(await summaryOf(open)).toBeNull();
  });

  it("gives the item analysis the same view as the answers themselves, open attempts included", async () => {
    for (const [i, user] of learners.entries()) await take(user, quiz.questions.length, (q) => (i + q) % 3 === 0);
    await take(learners[4], 3, () => true, false); // open: its answers count, its score does not
    const fromSummaries = await itemAnalysis(handle, lead, cohortId);
    const lessonRows = fromSummaries.items.filter((r) => r.activityId === lesson.id);
    expect(lessonRows.length).toBe(quiz.questions.length);
    expect(lessonRows.some((r) => r.percentCorrect !== null && r.commonWrong !== null)).toBe(true);

    // The same data with every summary removed: the report reads each answer instead.
    await handle.db.updateTable("quiz_attempts").set({ answer_summary: null }).execute();
    const fromAnswers = await itemAnalysis(handle, lead, cohortId);
    expect(fromSummaries).toEqual(fromAnswers);
  });
});
