// Server grading of the quizzes whose keys stay on the server, on both engines: a signed-in
// answer comes back with its key after it is stored; a guest's is graded and nothing is stored.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { findQuizActivity, getAssessments, getBoosters, getCourses } from "@/lib/content";
import { armFor } from "@/lib/experiments/arms";
import { biasExperiment, PAIR_VERSIONS, shownCount } from "@/lib/quiz/experiments";
import { gradeAnswer } from "@/lib/quiz/grade";
import type { Question, Quiz } from "@/lib/quiz/types";
import { testEngines } from "@/lib/testing/db";
import { shownQuestions } from "@/lib/testing/pairs";
import { finishAttempt, recordAnswer } from "./mutations";
import { gradePublicAnswer } from "./public-grade";

process.env.LOG_SILENT = "1";

const course = getCourses("en")[0];
const { pre: maybePre, post: maybePost } = getAssessments("en", course.id);
const pre = maybePre!;
const post = maybePost!;
const booster = getBoosters("en", course.id)[0];
const wrongChoice = (q: Question) => (q.type === "sort" ? q.options.map((o) => `${o.id}:${q.categories!.find((c) => !q.correct.includes(`${o.id}:${c.id}`))!.id}`) : q.type === "discern" ? [] : [q.options.find((o) => !q.correct.includes(o.id))!.id]);

// The first activity of the course (lesson quiz, check or refresher) with a bias-check pair.
const paired = [...course.modules.flatMap((m) => m.lessons.map((l) => l.id)), "assessment-pre", "assessment-post", ...getBoosters("en", course.id).map((b) => `booster-${b.id}`)]
  .map((id) => ({ id, quiz: findQuizActivity("en", course.id, id)?.quiz }))
  .find((a) => a.quiz?.biasPairs?.length)!;

async function count(handle: Db, table: "quiz_responses" | "quiz_attempts" | "experiment_arms") {
  const r = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe("gradePublicAnswer (no database)", () => {
  it.each([
    { activity: "assessment-pre", quiz: pre },
    { activity: `booster-${booster.id}`, quiz: booster },
  ])("grades every question of $activity and returns its key", ({ activity, quiz }) => {
    for (const q of quiz.questions) {
      const right = gradePublicAnswer({ locale: "en", courseId: course.id, lessonId: activity, questionId: q.id, chosen: q.correct });
      expect(right).toMatchObject({ questionId: q.id, verdict: "correct", points: 1, explanation: q.explanation, reveal: { correct: q.correct } });
      const wrong = gradePublicAnswer({ locale: "en", courseId: course.id, lessonId: activity, questionId: q.id, chosen: wrongChoice(q) });
      expect(wrong.verdict).not.toBe("correct");
    }
  });

  it.each([
    { lessonId: course.modules[0].lessons[0].id, code: "not_found", why: "a lesson quiz (graded in the browser)" },
    { lessonId: "assessment-mid", code: "not_found", why: "no such assessment" },
    { lessonId: "booster-nope", code: "not_found", why: "no such booster" },
  ])("refuses $why", ({ lessonId, code }) => {
    expect(() => gradePublicAnswer({ locale: "en", courseId: course.id, lessonId, questionId: "q1", chosen: ["a"] })).toThrow(expect.objectContaining({ code }));
  });

  it.each([
    { questionId: "not-a-question", chosen: ["a"] },
    { questionId: pre.questions[0].id, chosen: ["no-such-option"] },
  ])("refuses a question or choice that is not there ($questionId)", ({ questionId, chosen }) => {
    expect(() => gradePublicAnswer({ locale: "en", courseId: course.id, lessonId: "assessment-pre", questionId, chosen })).toThrow(expect.objectContaining({ code: "bad_request" }));
  });
});

describe.each(testEngines())("server grading on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let learner: SessionUser;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    learner = await createAccount(handle, { email: `grader-${engine.name}@example.org`, displayName: "Grader", password: "river lamp orchard" });
  });
  afterAll(async () => cleanup());

  it("stores a signed-in answer to the pre-assessment and returns its grade with the key", async () => {
    const q = pre.questions[0];
    const input = { id: crypto.randomUUID(), attemptId: crypto.randomUUID(), locale: "en", courseId: course.id, lessonId: "assessment-pre", questionId: q.id, chosen: wrongChoice(q) };
    const graded = await recordAnswer(handle, learner, input);
    expect(graded).toMatchObject({ questionId: q.id, explanation: q.explanation, reveal: { correct: q.correct } });
    expect(graded.verdict).not.toBe("correct");
    // A retry of the same answer is acknowledged with the same grade and key, stored once.
    expect(await recordAnswer(handle, learner, input)).toEqual(graded);
    const rows = await handle.db.selectFrom("quiz_responses").select(["question_id", "correct"]).where("attempt_id", "=", input.attemptId).execute();
    expect(rows).toEqual([{ question_id: q.id, correct: 0 }]);
  });

  // The checks are measurements, taken once (issue #20): a finished check on the current items
  // refuses a NEW attempt; answers to the attempt that exists (replays) still come back.
  async function takeWhole(user: SessionUser, activity: string, quiz: Quiz) {
    const attemptId = crypto.randomUUID();
    const inputs = (await shownQuestions(handle, user, "en", course.id, activity, quiz.questions)).map((q) => ({ id: crypto.randomUUID(), attemptId, locale: "en", courseId: course.id, lessonId: activity, questionId: q.id, chosen: wrongChoice(q) }));
    for (const input of inputs) await recordAnswer(handle, user, input);
    await finishAttempt(handle, user, attemptId, "en");
    return inputs;
  }
  const attemptsOf = async (user: SessionUser, activity: string) =>
    (await handle.db.selectFrom("quiz_attempts").select(["id", "finished_at"]).where("user_id", "=", user.id).where("lesson_id", "=", activity).execute()).length;

  it.each([
    { activity: "assessment-pre", quiz: pre },
    { activity: "assessment-post", quiz: post },
  ])("refuses a second $activity once one is finished, and still replays the first one's answers", async ({ activity, quiz }) => {
    const user = await createAccount(handle, { email: `once-${activity}-${engine.name}@example.org`, displayName: "Once", password: "river lamp orchard" });
    const first = await takeWhole(user, activity, quiz);
    const again = { ...first[0], id: crypto.randomUUID(), attemptId: crypto.randomUUID() };
    await expect(recordAnswer(handle, user, again)).rejects.toMatchObject({ code: "conflict", publicMessage: "You have already taken this check." });
    expect(await attemptsOf(user, activity)).toBe(1);
    // A replay of an answer to the finished attempt is acknowledged with its stored grade.
    expect(await recordAnswer(handle, user, first[0])).toMatchObject({ questionId: first[0].questionId });
  });

  it("allows a new check when the finished one was on older items, and any number of boosters", async () => {
    const user = await createAccount(handle, { email: `older-${engine.name}@example.org`, displayName: "Older", password: "river lamp orchard" });
    await takeWhole(user, "assessment-pre", pre);
    await handle.db.updateTable("quiz_attempts").set({ content_version: "0000000000000000" }).where("user_id", "=", user.id).execute();
    await takeWhole(user, "assessment-pre", pre);
    expect(await attemptsOf(user, "assessment-pre")).toBe(2);
    // Only the current version blocks: the check just taken does.
    await expect(recordAnswer(handle, user, { id: crypto.randomUUID(), attemptId: crypto.randomUUID(), locale: "en", courseId: course.id, lessonId: "assessment-pre", questionId: pre.questions[0].id, chosen: wrongChoice(pre.questions[0]) })).rejects.toMatchObject({ code: "conflict" });

    const activity = `booster-${booster.id}`;
    await takeWhole(user, activity, booster);
    await takeWhole(user, activity, booster);
    expect(await attemptsOf(user, activity)).toBe(2);
  });

  it("grades a guest's answer without writing a row", async () => {
    const before = [await count(handle, "quiz_responses"), await count(handle, "quiz_attempts")];
    for (const q of booster.questions) gradePublicAnswer({ locale: "en", courseId: course.id, lessonId: `booster-${booster.id}`, questionId: q.id, chosen: wrongChoice(q) });
    expect([await count(handle, "quiz_responses"), await count(handle, "quiz_attempts")]).toEqual(before);
  });
});

describe.each(testEngines())("bias-check pairs between subjects on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let n = 0;
  const quiz = paired.quiz!;
  const pair = quiz.biasPairs![0];
  const question = (id: string) => quiz.questions.find((q) => q.id === id)!;
  const answer = (attemptId: string, q: Question, chosen = q.correct) => ({ id: crypto.randomUUID(), attemptId, locale: "en", courseId: course.id, lessonId: paired.id, questionId: q.id, chosen });
  const newLearner = () => createAccount(handle, { email: `pair-${engine.name}-${++n}@example.org`, displayName: "Paired", password: "river lamp orchard" });

  beforeAll(async () => ({ handle, cleanup } = await engine.open()));
  afterAll(async () => cleanup());

  it("stores an answer to the learner's version and refuses the other version, writing nothing", async () => {
    const learner = await newLearner();
    const arm = await armFor(handle, learner, "en", course.id, biasExperiment(pair.id));
    const mine = question(pair.versions[PAIR_VERSIONS.indexOf(arm as "a" | "b")]);
    const other = question(pair.versions.find((v) => v !== mine.id)!);
    const attemptId = crypto.randomUUID();

    // As the attempt's first answer (no attempt yet) and once the attempt exists (the fast path).
    const before = [await count(handle, "quiz_attempts"), await count(handle, "quiz_responses")];
    await expect(recordAnswer(handle, learner, answer(attemptId, other))).rejects.toMatchObject({ code: "conflict", publicMessage: "This question is not in your version of the quiz. Reload the page." });
    expect([await count(handle, "quiz_attempts"), await count(handle, "quiz_responses")]).toEqual(before);
    await recordAnswer(handle, learner, answer(attemptId, mine));
    await expect(recordAnswer(handle, learner, answer(attemptId, other))).rejects.toMatchObject({ code: "conflict" });
    const rows = await handle.db.selectFrom("quiz_responses").select("question_id").where("attempt_id", "=", attemptId).execute();
    expect(rows).toEqual([{ question_id: mine.id }]);
  });

  it("assigns the arm on the first answer to a pair when the page never asked, and keeps to it", async () => {
    for (let i = 0; i < 6; i++) {
      const learner = await newLearner();
      const first = question(pair.versions[0]);
      const stored = await recordAnswer(handle, learner, answer(crypto.randomUUID(), first)).then(
        () => true,
        (e: { code?: string }) => (e.code === "conflict" ? false : Promise.reject(e)),
      );
      const recorded = await handle.db.selectFrom("experiment_arms").select("arm").where("user_id", "=", learner.id).where("experiment", "=", biasExperiment(pair.id)).execute();
      // Stored exactly when the arm recorded by that answer is version "a".
      expect(recorded).toEqual([{ arm: stored ? "a" : "b" }]);
    }
  });

  it("scores an attempt over the questions shown: every one right is 100 %", async () => {
    const learner = await newLearner();
    const shown = await shownQuestions(handle, learner, "en", course.id, paired.id, quiz.questions);
    expect(shown).toHaveLength(shownCount(quiz));
    const attemptId = crypto.randomUUID();
    for (const q of shown) await recordAnswer(handle, learner, answer(attemptId, q));
    expect((await finishAttempt(handle, learner, attemptId, "en")).percent).toBe(100);

    // The first one wrong: the points over the questions shown, not over every authored question.
    const again = crypto.randomUUID();
    for (const [i, q] of shown.entries()) await recordAnswer(handle, learner, answer(again, q, i === 0 ? wrongChoice(q) : q.correct));
    const points = shown.length - 1 + gradeAnswer(shown[0], wrongChoice(shown[0])).points;
    expect((await finishAttempt(handle, learner, again, "en")).percent).toBe(Math.floor((points / shown.length) * 100 + 1e-9));
  });
});
