// The item analysis on both engines: the sums added up in SQL give the same difficulty,
// discrimination and reliability as the pure functions on the table of answers; attempts on an
// older content version are left out of it and of the gain; thin items rank last.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { findQuizActivity, getCourses, getForms } from "@/lib/content";
import { armFor } from "@/lib/experiments/arms";
import { FORMS_EXPERIMENT, formFor, type CheckSlot, type FormOrder } from "@/lib/quiz/experiments";
import { finishAttempt, recordAnswer } from "@/lib/progress/answers";
import { gradeAnswer } from "@/lib/quiz/grade";
import { difficulty, discrimination, MIN_ATTEMPTS, reliability, sumsFromMatrix } from "@/lib/quiz/psychometrics";
import type { Question } from "@/lib/quiz/types";
import { testEngines } from "@/lib/testing/db";
import { wrongAnswer } from "@/lib/testing/answers";
import { shownQuestions } from "@/lib/testing/pairs";
import { createCohort } from "./mutations";
import { itemAnalysis, learningGain } from "./reports";

process.env.LOG_SILENT = "1";
const PASSWORD = "river lamp orchard";
const course = getCourses("en")[0];
const lessons = course.modules.flatMap((m) => m.lessons).filter((l) => l.quizId);
// A lesson quiz with a multiple-choice question, and another lesson quiz for the "one answer" case.
// The main quiz has no bias-check pair, so every learner answers every question (a full matrix).
const main = lessons.find((l) => {
  const quiz = findQuizActivity("en", course.id, l.id)!.quiz;
  return quiz.questions.some((q) => q.type === "multiple") && !quiz.biasPairs?.length;
})!;
const thin = lessons.find((l) => {
  const quiz = findQuizActivity("en", course.id, l.id)!.quiz;
  return l.id !== main.id && !quiz.biasPairs?.some((p) => p.versions.includes(quiz.questions[0].id));
})!;
const mainQuiz = findQuizActivity("en", course.id, main.id)!.quiz;
const thinQuiz = findQuizActivity("en", course.id, thin.id)!.quiz;


describe.each(testEngines())("item analysis on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  let cohortId: string;
  const learners: SessionUser[] = [];
  // learner × question points of the main quiz, as the pure functions expect them.
  const matrix: number[][] = [];

  async function take(user: SessionUser, activityId: string, questions: Question[], wrong: (i: number) => boolean) {
    const attemptId = crypto.randomUUID();
    const points: number[] = [];
    // One version of each bias-check pair, the learner's, as the runner shows.
    for (const [i, q] of (await shownQuestions(handle, user, "en", course.id, activityId, questions)).entries()) {
      const chosen = wrong(i) ? wrongAnswer(q) : q.correct;
      points.push(gradeAnswer(q, chosen).points);
      await recordAnswer(handle, user, { id: crypto.randomUUID(), attemptId, locale: "en", courseId: course.id, lessonId: activityId, questionId: q.id, chosen });
    }
    await finishAttempt(handle, user, attemptId, "en");
    return { attemptId, points };
  }

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    lead = await createAccount(handle, { email: `lead-ia-${engine.name}@example.org`, displayName: "Lead", password: PASSWORD, role: "facilitator" });
    ({ id: cohortId } = await createCohort(handle, lead, { name: "Item hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] }));
    // Learners straight into the tables: the accounts' passwords play no part here.
    const at = new Date().toISOString();
    for (let i = 0; i < MIN_ATTEMPTS; i++) {
      const id = crypto.randomUUID();
      await handle.db.insertInto("users").values({ id, email: null, display_name: `L${i}`, password_hash: "x", role: "learner", created_at: at, login_name: `l-${id}`, suspended_at: null }).execute();
      await handle.db.insertInto("cohort_members").values({ cohort_id: cohortId, user_id: id, joined_at: at, pseudonymous: 1 }).execute();
      learners.push({ id, role: "learner", displayName: `L${i}` });
    }
    // Abilities spread over the group: learner i misses question q when (3i + 5q) mod 20 < 20 − i.
    for (const [i, user] of learners.entries()) {
      const { points } = await take(user, main.id, mainQuiz.questions, (q) => (3 * i + 5 * q) % 20 < 20 - i);
      matrix.push(points);
    }
    // One learner, one answer, all wrong, on another quiz.
    await take(learners[0], thin.id, thinQuiz.questions.slice(0, 1), () => true);
  });
  afterAll(async () => cleanup());

  it("gives the difficulty, discrimination and reliability the pure functions give on the same answers", async () => {
    const view = await itemAnalysis(handle, lead, cohortId);
    const { form, items } = sumsFromMatrix(matrix);
    for (const [k, q] of mainQuiz.questions.entries()) {
      const row = view.items.find((r) => r.activityId === main.id && r.questionId === q.id)!;
      expect(row.answers).toBe(MIN_ATTEMPTS);
      expect(row.activityKind).toBe("lesson");
      expect(row.percentCorrect).toBe(Math.round(difficulty(items[k].sumX, MIN_ATTEMPTS)! * 100));
      const r = discrimination(items[k], form);
      expect(row.discrimination).toBe(r === null ? null : Math.round(r * 100) / 100);
    }
    const expected = reliability(items, form)!;
    expect(view.forms.find((f) => f.activityId === main.id)).toMatchObject({ attempts: MIN_ATTEMPTS, questions: mainQuiz.questions.length, reliability: Math.round(expected.value * 100) / 100, method: expected.method });
  });

  it("names a wrong option for multiple choice, never a right one", async () => {
    const view = await itemAnalysis(handle, lead, cohortId);
    const q = mainQuiz.questions.find((x) => x.type === "multiple")!;
    const row = view.items.find((r) => r.questionId === q.id)!;
    const rightTexts = q.options.filter((o) => q.correct.includes(o.id)).map((o) => o.text);
    // Wrong answers picked one right and one wrong option: the wrong pick (or a right one left
    // out, as a "left-out" mistake) is named, never a right pick.
    expect(row.commonWrong).not.toBeNull();
    if (row.commonWrong!.kind === "chosen") expect(rightTexts).not.toContain(row.commonWrong!.text);
    else expect(rightTexts).toContain(row.commonWrong!.text);
  });

  it("ranks one answer at 0 % after the items with enough answers, and shows it as too few", async () => {
    const view = await itemAnalysis(handle, lead, cohortId);
    const lone = view.items.find((r) => r.activityId === thin.id)!;
    expect(lone).toMatchObject({ answers: 1, percentCorrect: null, discrimination: null });
    expect(view.items.at(-1)).toBe(lone);
    expect(view.forms.find((f) => f.activityId === thin.id)).toMatchObject({ attempts: 1, reliability: null });
  });

  it("counts a bias-check pair as one item of its form: reliability over the questions each learner saw", async () => {
    const paired = lessons.find((l) => findQuizActivity("en", course.id, l.id)!.quiz.biasPairs?.length)!;
    expect(paired, "a lesson quiz with a bias-check pair in the content").toBeDefined();
    const quiz = findQuizActivity("en", course.id, paired.id)!.quiz;
    // Columns: each question, with a pair's two versions as one column (each learner saw one).
    const column = new Map(quiz.questions.map((q) => [q.id, q.id]));
    for (const p of quiz.biasPairs!) column.set(p.versions[1], p.versions[0]);
    const columns = [...new Set(column.values())];
    const matrix: number[][] = [];
    for (const [i, user] of learners.entries()) {
      const shown = await shownQuestions(handle, user, "en", course.id, paired.id, quiz.questions);
      const { points } = await take(user, paired.id, shown, (q) => (2 * i + 7 * q) % 20 < 20 - i);
      const row = columns.map(() => 0);
      shown.forEach((q, k) => (row[columns.indexOf(column.get(q.id)!)] = points[k]));
      matrix.push(row);
    }
    const { form, items } = sumsFromMatrix(matrix);
    const expected = reliability(items, form)!;
    const view = await itemAnalysis(handle, lead, cohortId);
    expect(view.forms.find((f) => f.activityId === paired.id)).toMatchObject({ attempts: MIN_ATTEMPTS, questions: columns.length, reliability: Math.round(expected.value * 100) / 100 });
  });

  /** The check form this learner takes in the slot: their recorded arm decides. */
  async function formOf(user: SessionUser, slot: CheckSlot) {
    const form = formFor(slot, (await armFor(handle, user, "en", course.id, FORMS_EXPERIMENT)) as FormOrder);
    return { form, quiz: getForms("en", course.id)[form]! };
  }

  it("leaves attempts on an older content version out of the item analysis and the gain", async () => {
    const pre = (await formOf(learners[1], "pre")).quiz;
    const post = (await formOf(learners[1], "post")).quiz;
    const user = learners[1];
    const preAttempt = await take(user, "assessment-pre", pre.questions, (i) => i % 2 === 0);
    await take(user, "assessment-post", post.questions, () => false);
    const before = await learningGain(handle, lead, cohortId);
    expect(before.n).toBe(1);

    // The same learner's lesson attempt and pre-check, as if taken before an item-bank rewrite.
    const lessonAttempt = await handle.db.selectFrom("quiz_attempts").select("id").where("user_id", "=", user.id).where("lesson_id", "=", main.id).executeTakeFirstOrThrow();
    await handle.db.updateTable("quiz_attempts").set({ content_version: "0000000000000000" }).where("id", "in", [lessonAttempt.id, preAttempt.attemptId]).execute();

    const view = await itemAnalysis(handle, lead, cohortId);
    expect(view.olderAttempts).toBe(2);
    expect(view.items.find((r) => r.activityId === main.id)!.answers).toBe(MIN_ATTEMPTS - 1);
    expect(view.forms.find((f) => f.activityId === main.id)).toMatchObject({ attempts: MIN_ATTEMPTS - 1, reliability: null });
    expect(view.items.some((r) => r.activityId === "assessment-pre")).toBe(false);
    const after = await learningGain(handle, lead, cohortId);
    expect(after.n).toBe(0);
    // The pre-check's discernment answers go with it; the final check's stay.
    const preDiscern = pre.questions.filter((q) => q.type === "discern").reduce((n, q) => n + q.options.length, 0);
    expect(after.discernment.items).toBe(before.discernment.items - preDiscern);
  });

  it("analyses a check slot per form: the two halves of a group take different forms in it", async () => {
    // Orders are balanced within the group, so another learner holds the order learners[1] does not.
    const theirs = await formOf(learners[1], "post");
    let user: SessionUser | undefined;
    for (const u of learners.slice(2)) if (!user && (await formOf(u, "post")).form !== theirs.form) user = u;
    expect(user, "a learner of the group in the other order").toBeDefined();
    const mine = { pre: await formOf(user!, "pre"), post: await formOf(user!, "post") };
    expect(mine.post.form).not.toBe(theirs.form);
    await take(user!, "assessment-pre", mine.pre.quiz.questions, (i) => i % 3 === 0);
    await take(user!, "assessment-post", mine.post.quiz.questions, () => false);

    const view = await itemAnalysis(handle, lead, cohortId);
    const postRows = view.items.filter((r) => r.activityId === "assessment-post");
    expect(new Set(postRows.map((r) => r.form))).toEqual(new Set(["a", "b"]));
    for (const r of postRows) expect(getForms("en", course.id)[r.form!]!.questions.some((q) => q.id === r.questionId), r.questionId).toBe(true);
    expect(postRows.every((r) => r.activityKind === "post")).toBe(true);
    const postForms = view.forms.filter((f) => f.activityId === "assessment-post").map((f) => [f.form, f.attempts]);
    expect(postForms.sort()).toEqual([["a", 1], ["b", 1]]);
    // The starting check: learners[1]'s is on an older version, so only this learner's form shows.
    expect(new Set(view.items.filter((r) => r.activityId === "assessment-pre").map((r) => r.form))).toEqual(new Set([mine.pre.form]));
  });
});
