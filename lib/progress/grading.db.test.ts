// Server grading of the quizzes whose keys stay on the server, on both engines: a signed-in
// answer comes back with its key after it is stored; a guest's is graded and nothing is stored.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { findQuizActivity, getBoosters, getCourses, getForms } from "@/lib/content";
import { armFor } from "@/lib/experiments/arms";
import { biasExperiment, FORMS_EXPERIMENT, formFor, PAIR_VERSIONS, shownCount, type CheckSlot, type FormId, type FormOrder } from "@/lib/quiz/experiments";
import { gradeAnswer } from "@/lib/quiz/grade";
import type { Question, Quiz } from "@/lib/quiz/types";
import { testEngines } from "@/lib/testing/db";
import { shownQuestions } from "@/lib/testing/pairs";
import { finishAttempt, recordAnswer } from "./answers";
import { publicAnswerInput } from "./inputs";
import { gradePublicAnswer } from "./public-grade";

process.env.LOG_SILENT = "1";

const course = getCourses("en")[0];
const forms = getForms("en", course.id) as Record<FormId, NonNullable<ReturnType<typeof getForms>["a"]>>;
const pre = forms.a;
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
    { activity: "assessment-pre", form: "a" as const, quiz: forms.a },
    { activity: "assessment-pre", form: "b" as const, quiz: forms.b },
    { activity: "assessment-post", form: "a" as const, quiz: forms.a },
    { activity: "assessment-post", form: "b" as const, quiz: forms.b },
    { activity: `booster-${booster.id}`, form: undefined, quiz: booster },
  ])("grades every question of $activity (form $form) and returns its key", ({ activity, form, quiz }) => {
    for (const q of quiz.questions) {
      const right = gradePublicAnswer({ locale: "en", courseId: course.id, lessonId: activity, questionId: q.id, chosen: q.correct, form });
      expect(right).toMatchObject({ questionId: q.id, verdict: "correct", points: 1, explanation: q.explanation, reveal: { correct: q.correct } });
      const wrong = gradePublicAnswer({ locale: "en", courseId: course.id, lessonId: activity, questionId: q.id, chosen: wrongChoice(q), form });
      expect(wrong.verdict).not.toBe("correct");
    }
  });

  it("grades a check on the form the guest names: a question of the other form is not in it", () => {
    const input = { locale: "en", courseId: course.id, lessonId: "assessment-pre", questionId: forms.b.questions[0].id, chosen: forms.b.questions[0].correct };
    expect(() => gradePublicAnswer({ ...input, form: "a" })).toThrow(expect.objectContaining({ code: "bad_request" }));
    expect(gradePublicAnswer({ ...input, form: "b" }).verdict).toBe("correct");
  });

  it.each([
    { name: "a check without its form", body: { lessonId: "assessment-pre" }, ok: false },
    { name: "a check with an unknown form", body: { lessonId: "assessment-post", form: "c" }, ok: false },
    { name: "a booster with a form", body: { lessonId: "booster-week-1", form: "a" }, ok: false },
    { name: "a check with its form", body: { lessonId: "assessment-post", form: "b" }, ok: true },
    { name: "a booster without a form", body: { lessonId: "booster-week-1" }, ok: true },
  ])("the guest route's schema: $name", ({ body, ok }) => {
    expect(publicAnswerInput.safeParse({ locale: "en", courseId: course.id, questionId: "q1", chosen: ["a"], ...body }).success).toBe(ok);
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
    expect(() => gradePublicAnswer({ locale: "en", courseId: course.id, lessonId: "assessment-pre", questionId, chosen, form: "a" })).toThrow(expect.objectContaining({ code: "bad_request" }));
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

  it("stores a signed-in answer to the starting check and returns its grade with the key", async () => {
    const q = forms[formFor("pre", (await armFor(handle, learner, "en", course.id, FORMS_EXPERIMENT)) as FormOrder)].questions[0];
    const input = { id: crypto.randomUUID(), attemptId: crypto.randomUUID(), locale: "en", courseId: course.id, lessonId: "assessment-pre", questionId: q.id, chosen: wrongChoice(q) };
    const graded = await recordAnswer(handle, learner, input);
    expect(graded).toMatchObject({ questionId: q.id, explanation: q.explanation, reveal: { correct: q.correct } });
    expect(graded.verdict).not.toBe("correct");
    // A retry of the same answer is acknowledged with the same grade and key, stored once.
    expect(await recordAnswer(handle, learner, input)).toEqual(graded);
    const rows = await handle.db.selectFrom("quiz_responses").select(["question_id", "correct"]).where("attempt_id", "=", input.attemptId).execute();
    expect(rows).toEqual([{ question_id: q.id, correct: 0 }]);
  });

  it("refuses a check answer before the learner's form is set, and writes nothing", async () => {
    const me = await createAccount(handle, { email: `no-arm-${engine.name}@example.org`, displayName: "No arm", password: "river lamp orchard" });
    const q = forms.a.questions[0];
    const input = { id: crypto.randomUUID(), attemptId: crypto.randomUUID(), locale: "en", courseId: course.id, lessonId: "assessment-pre", questionId: q.id, chosen: q.correct };
    await expect(recordAnswer(handle, me, input)).rejects.toMatchObject({ code: "conflict" });
    expect(await handle.db.selectFrom("experiment_arms").select("arm").where("user_id", "=", me.id).execute()).toEqual([]);
    expect(await handle.db.selectFrom("quiz_attempts").select("id").where("id", "=", input.attemptId).execute()).toEqual([]);
  });

  it("grades each check slot on the learner's recorded form, never the other, and records the form on the attempt", async () => {
    const me = await createAccount(handle, { email: `forms-${engine.name}@example.org`, displayName: "Forms", password: "river lamp orchard" });
    const order = (await armFor(handle, me, "en", course.id, FORMS_EXPERIMENT)) as FormOrder;
    for (const slot of ["pre", "post"] as const) {
      const mine = forms[formFor(slot, order)];
      const other = forms[formFor(slot, order) === "a" ? "b" : "a"];
      const attemptId = crypto.randomUUID();
      const base = { attemptId, locale: "en", courseId: course.id, lessonId: `assessment-${slot}` };
      // The other form's question is not in this learner's check, whatever the browser holds.
      await expect(recordAnswer(handle, me, { ...base, id: crypto.randomUUID(), questionId: other.questions[0].id, chosen: other.questions[0].correct })).rejects.toMatchObject({ code: "bad_request" });
      const unpaired = mine.questions.filter((q) => !mine.biasPairs?.some((p) => p.versions.includes(q.id)));
      for (const q of unpaired.slice(0, 2)) await recordAnswer(handle, me, { ...base, id: crypto.randomUUID(), questionId: q.id, chosen: q.correct });
      const attempt = await handle.db.selectFrom("quiz_attempts").select(["quiz_id", "content_version"]).where("id", "=", attemptId).executeTakeFirstOrThrow();
      expect(attempt).toEqual({ quiz_id: mine.id, content_version: mine.version });
      // Finished on the form it was taken on (found by its quiz_id): two right answers count.
      const finished = await finishAttempt(handle, me, attemptId, "en");
      expect(finished.percent).toBeGreaterThan(0);
      expect(finished.percent).toBeLessThan(50);
    }
    expect(forms[formFor("pre", order)].id).not.toBe(forms[formFor("post", order)].id);
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
  /** The form this learner takes in the check slot (their forms arm, drawn as the page would). */
  const myForm = async (user: SessionUser, slot: CheckSlot) => forms[formFor(slot, (await armFor(handle, user, "en", course.id, FORMS_EXPERIMENT)) as FormOrder)];

  it.each(["pre", "post"] as const)("refuses a second assessment-%s once one is finished, and still replays the first one's answers", async (slot) => {
    const activity = `assessment-${slot}`;
    const user = await createAccount(handle, { email: `once-${activity}-${engine.name}@example.org`, displayName: "Once", password: "river lamp orchard" });
    const first = await takeWhole(user, activity, await myForm(user, slot));
    const again = { ...first[0], id: crypto.randomUUID(), attemptId: crypto.randomUUID() };
    await expect(recordAnswer(handle, user, again)).rejects.toMatchObject({ code: "conflict", key: "quiz.checkTaken" });
    expect(await attemptsOf(user, activity)).toBe(1);
    // A replay of an answer to the finished attempt is acknowledged with its stored grade.
    expect(await recordAnswer(handle, user, first[0])).toMatchObject({ questionId: first[0].questionId });
  });

  it("allows a new check when the finished one was on older items, and any number of boosters", async () => {
    const user = await createAccount(handle, { email: `older-${engine.name}@example.org`, displayName: "Older", password: "river lamp orchard" });
    const form = await myForm(user, "pre");
    await takeWhole(user, "assessment-pre", form);
    await handle.db.updateTable("quiz_attempts").set({ content_version: "0000000000000000" }).where("user_id", "=", user.id).execute();
    const second = await takeWhole(user, "assessment-pre", form);
    expect(await attemptsOf(user, "assessment-pre")).toBe(2);
    // Only the current version blocks: the check just taken does.
    await expect(recordAnswer(handle, user, { ...second[0], id: crypto.randomUUID(), attemptId: crypto.randomUUID() })).rejects.toMatchObject({ code: "conflict", key: "quiz.checkTaken" });

    const activity = `booster-${booster.id}`;
    await takeWhole(user, activity, booster);
    await takeWhole(user, activity, booster);
    expect(await attemptsOf(user, activity)).toBe(2);
  });

  it("refuses, as a bad request, the replay of a stored answer whose choice no longer grades", async () => {
    // A row from before the question was rewritten (its options renamed), stored as "[]" here.
    const q = booster.questions[0];
    const input = { id: crypto.randomUUID(), attemptId: crypto.randomUUID(), locale: "en", courseId: course.id, lessonId: `booster-${booster.id}`, questionId: q.id, chosen: q.correct };
    const at = new Date().toISOString();
    await handle.db.insertInto("quiz_attempts").values({ id: input.attemptId, user_id: learner.id, course_id: course.id, lesson_id: input.lessonId, quiz_id: booster.id, started_at: at, finished_at: null, score: null, source: "app", content_version: booster.version ?? null }).execute();
    await handle.db.insertInto("quiz_responses").values({ id: input.id, attempt_id: input.attemptId, user_id: learner.id, question_id: q.id, skill: q.skill, chosen: "[]", points: 0, correct: 0, answered_at: at }).execute();
    await expect(recordAnswer(handle, learner, input)).rejects.toMatchObject({ code: "bad_request" });
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
    await expect(recordAnswer(handle, learner, answer(attemptId, other))).rejects.toMatchObject({ code: "conflict", key: "quiz.notYourVersion" });
    expect([await count(handle, "quiz_attempts"), await count(handle, "quiz_responses")]).toEqual(before);
    await recordAnswer(handle, learner, answer(attemptId, mine));
    await expect(recordAnswer(handle, learner, answer(attemptId, other))).rejects.toMatchObject({ code: "conflict" });
    const rows = await handle.db.selectFrom("quiz_responses").select("question_id").where("attempt_id", "=", attemptId).execute();
    expect(rows).toEqual([{ question_id: mine.id }]);
  });

  it("refuses an answer to a pair before the learner's arm is recorded, and writes nothing, not even an arm", async () => {
    // Every page with a pair asks for the arms first (/api/progress/arms); an answer never draws
    // one, since the answer may then be refused and a refused request must change nothing.
    const learner = await newLearner();
    const attemptId = crypto.randomUUID();
    const before = [await count(handle, "quiz_attempts"), await count(handle, "quiz_responses"), await count(handle, "experiment_arms")];
    for (const v of pair.versions) {
      await expect(recordAnswer(handle, learner, answer(attemptId, question(v)))).rejects.toMatchObject({ code: "conflict", key: "quiz.notSetUp" });
    }
    expect([await count(handle, "quiz_attempts"), await count(handle, "quiz_responses"), await count(handle, "experiment_arms")]).toEqual(before);
    // Once the page has drawn the arm, the learner's version goes in.
    const arm = await armFor(handle, learner, "en", course.id, biasExperiment(pair.id));
    const mine = question(pair.versions[PAIR_VERSIONS.indexOf(arm as "a" | "b")]);
    expect(await recordAnswer(handle, learner, answer(attemptId, mine))).toMatchObject({ questionId: mine.id });
  });

  it("holds the line on a check form's pair too: the learner's form, the learner's version", async () => {
    const learner = await newLearner();
    const order = (await armFor(handle, learner, "en", course.id, FORMS_EXPERIMENT)) as FormOrder;
    const form = forms[formFor("pre", order)];
    const formPair = form.biasPairs![0];
    const arm = await armFor(handle, learner, "en", course.id, biasExperiment(formPair.id));
    const mine = form.questions.find((q) => q.id === formPair.versions[PAIR_VERSIONS.indexOf(arm as "a" | "b")])!;
    const other = form.questions.find((q) => q.id !== mine.id && formPair.versions.includes(q.id))!;
    const attemptId = crypto.randomUUID();
    const check = (q: Question) => ({ ...answer(attemptId, q), lessonId: "assessment-pre" });
    await expect(recordAnswer(handle, learner, check(other))).rejects.toMatchObject({ code: "conflict", key: "quiz.notYourVersion" });
    expect(await recordAnswer(handle, learner, check(mine))).toMatchObject({ questionId: mine.id });
    const attempt = await handle.db.selectFrom("quiz_attempts").select("quiz_id").where("id", "=", attemptId).executeTakeFirstOrThrow();
    expect(attempt.quiz_id).toBe(form.id);
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
