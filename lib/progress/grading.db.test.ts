// Server grading of the quizzes whose keys stay on the server, on both engines: a signed-in
// answer comes back with its key after it is stored; a guest's is graded and nothing is stored.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { getBoosters, getCourses, getForms } from "@/lib/content";
import { armFor } from "@/lib/experiments/arms";
import { FORMS_EXPERIMENT, formFor, type FormId, type FormOrder } from "@/lib/quiz/experiments";
import type { Question } from "@/lib/quiz/types";
import { testEngines } from "@/lib/testing/db";
import { finishAttempt, recordAnswer } from "./mutations";
import { publicAnswerInput } from "./inputs";
import { gradePublicAnswer } from "./public-grade";

process.env.LOG_SILENT = "1";

const course = getCourses("en")[0];
const forms = getForms("en", course.id) as Record<FormId, NonNullable<ReturnType<typeof getForms>["a"]>>;
const pre = forms.a;
const booster = getBoosters("en", course.id)[0];
const wrongChoice = (q: Question) => (q.type === "sort" ? q.options.map((o) => `${o.id}:${q.categories!.find((c) => !q.correct.includes(`${o.id}:${c.id}`))!.id}`) : q.type === "discern" ? [] : [q.options.find((o) => !q.correct.includes(o.id))!.id]);

async function count(handle: Db, table: "quiz_responses" | "quiz_attempts") {
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
      for (const q of mine.questions.slice(0, 2)) await recordAnswer(handle, me, { ...base, id: crypto.randomUUID(), questionId: q.id, chosen: q.correct });
      const attempt = await handle.db.selectFrom("quiz_attempts").select(["quiz_id", "content_version"]).where("id", "=", attemptId).executeTakeFirstOrThrow();
      expect(attempt).toEqual({ quiz_id: mine.id, content_version: mine.version });
      // Finished on the form it was taken on (found by its quiz_id): two right answers count.
      const finished = await finishAttempt(handle, me, attemptId, "en");
      expect(finished.percent).toBeGreaterThan(0);
      expect(finished.percent).toBeLessThan(50);
    }
    expect(forms[formFor("pre", order)].id).not.toBe(forms[formFor("post", order)].id);
  });

  it("grades a guest's answer without writing a row", async () => {
    const before = [await count(handle, "quiz_responses"), await count(handle, "quiz_attempts")];
    for (const q of booster.questions) gradePublicAnswer({ locale: "en", courseId: course.id, lessonId: `booster-${booster.id}`, questionId: q.id, chosen: wrongChoice(q) });
    expect([await count(handle, "quiz_responses"), await count(handle, "quiz_attempts")]).toEqual(before);
  });
});
