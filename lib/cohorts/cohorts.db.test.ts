// Cohorts on both engines: joining, reports, boundaries between facilitators, deletion.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { authenticate, createAccount, type SessionUser } from "@/lib/auth/accounts";
import { getAttitudeItems, getCourses, getForms, getQuiz } from "@/lib/content";
import { armFor } from "@/lib/experiments/arms";
import { FORMS_EXPERIMENT, formFor, type CheckSlot, type FormOrder } from "@/lib/quiz/experiments";
import { GAIN_MIN_LEARNERS } from "@/lib/quiz/gain";
import { deleteMyAccount } from "@/lib/account/delete";
import { finishAttempt, recordAnswer } from "@/lib/progress/answers";
import { submitAttitudes } from "@/lib/attitudes/mutations";
import { testEngines } from "@/lib/testing/db";
import { shownQuestions } from "@/lib/testing/pairs";
import {
  archiveCohort, createCohort, deleteCohort, joinCohort, joinWithNickname, liftLearnerThrottle, normaliseJoinCode,
  resetLearnerPassphrase, setAssignment, setFacilitatorSuspended,
} from "./mutations";
import { itemAnalysis, learningGain, rosterGrid } from "./reports";
import { cohortCsv, myAssignments, myCohorts } from "./queries";
import { acceptInvitation, myInvitations } from "./invitations";

const PASSWORD = "river lamp orchard";
const course = getCourses("en")[0];
const lesson = course.modules[0].lessons[0];
const quiz = getQuiz("en", course.id, lesson.quizId!)!;
const forms = getForms("en", course.id);

async function takeQuiz(handle: Db, user: SessionUser, activityId: string, questions: typeof quiz.questions, wrong: (i: number, q: (typeof quiz.questions)[number]) => boolean) {
  const attemptId = crypto.randomUUID();
  // One version of each bias-check pair, the learner's, as the runner shows.
  for (const [i, q] of (await shownQuestions(handle, user, "en", course.id, activityId, questions)).entries()) {
    let chosen = q.correct;
    if (wrong(i, q)) {
      if (q.type === "discern") chosen = q.options.filter((o) => !q.correct.includes(o.id)).map((o) => o.id); // flag every genuine post
      else if (q.type === "sort") chosen = q.correct.map((c, k) => (k === 0 ? `${c.split(":")[0]}:${q.categories!.find((p) => p.id !== c.split(":")[1])!.id}` : c));
      else chosen = [q.options.find((o) => !q.correct.includes(o.id))!.id];
    }
    await recordAnswer(handle, user, { id: crypto.randomUUID(), attemptId, locale: "en", courseId: course.id, lessonId: activityId, questionId: q.id, chosen });
  }
  return finishAttempt(handle, user, attemptId, "en");
}

/** The questions of the check form this learner takes in the slot (their recorded arm decides). */
async function checkQuestions(handle: Db, user: SessionUser, slot: CheckSlot) {
  const form = formFor(slot, (await armFor(handle, user, "en", course.id, FORMS_EXPERIMENT)) as FormOrder);
  return { form, questions: forms[form]!.questions };
}

describe.each(testEngines())("cohorts on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  let other: SessionUser;
  let admin: SessionUser;
  let learner: SessionUser;
  let cohortId: string;
  let joinCode: string;
  // The group of the counterbalanced-gain test, reused by the first-attempt test after it.
  let formsHall: { groupId: string; members: SessionUser[] } | undefined;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    lead = await createAccount(handle, { email: "lead@example.org", displayName: "Lead", password: PASSWORD, role: "facilitator" });
    other = await createAccount(handle, { email: "other@example.org", displayName: "Other", password: PASSWORD, role: "facilitator" });
    admin = await createAccount(handle, { email: "admin@example.org", displayName: "Admin", password: PASSWORD }, "admin");
    learner = await createAccount(handle, { email: "learner@example.org", displayName: "Ada", password: PASSWORD });
    ({ id: cohortId, joinCode } = await createCohort(handle, lead, { name: "Tuesday hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] }));
  });
  afterAll(async () => cleanup());

  it("only facilitators create cohorts, and learners join by code (forgiving case and dashes)", async () => {
    await expect(createCohort(handle, learner, { name: "X", kind: "class", locale: "en", trackId: "school", coFacilitatorEmails: [] })).rejects.toMatchObject({ code: "forbidden" });
    const typed = `${joinCode.slice(0, 4).toLowerCase()}-${joinCode.slice(4)}`;
    expect(normaliseJoinCode(typed)).toBe(joinCode);
    expect(await joinCohort(handle, learner, typed)).toMatchObject({ cohortId, name: "Tuesday hall" });
    expect(await joinCohort(handle, learner, joinCode)).toMatchObject({ cohortId }); // twice is harmless
    await expect(joinCohort(handle, learner, "NOPE1234")).rejects.toMatchObject({ code: "not_found" });
    // Whoever runs the group cannot also be counted as one of its learners.
    await expect(joinCohort(handle, lead, joinCode)).rejects.toMatchObject({ code: "conflict" });
    expect(await handle.db.selectFrom("cohort_members").select("user_id").where("cohort_id", "=", cohortId).where("user_id", "=", lead.id).execute()).toEqual([]);
  });

  it("a nickname-only learner gets a login name and passphrase once, and can sign in with them", async () => {
    const nick = await joinWithNickname(handle, { code: joinCode, nickname: "Blue Kite" });
    expect(nick.loginName).toMatch(/^blue-kite-\d{4}$/);
    expect(nick.passphrase.split("-").length).toBeGreaterThanOrEqual(4);
    const row = await handle.db.selectFrom("users").selectAll().where("id", "=", nick.userId).executeTakeFirstOrThrow();
    expect(row.email).toBeNull();
    expect(row.password_hash).not.toContain(nick.passphrase);
    expect(await authenticate(handle, nick.loginName, nick.passphrase, null)).toMatchObject({ ok: true, user: { displayName: "Blue Kite" } });

    // The facilitator resets it: the old passphrase stops working, the new one works.
    const reset = await resetLearnerPassphrase(handle, lead, cohortId, nick.userId);
    expect(await authenticate(handle, nick.loginName, nick.passphrase, null)).toMatchObject({ ok: false });
    expect(await authenticate(handle, nick.loginName, reset.passphrase, null)).toMatchObject({ ok: true });
    await expect(resetLearnerPassphrase(handle, lead, cohortId, learner.id)).rejects.toMatchObject({ code: "bad_request" });
    await liftLearnerThrottle(handle, lead, cohortId, nick.userId);
  });

  it("reports: the grid, item analysis with the common wrong answer, learning gain and discernment", async () => {
    await takeQuiz(handle, learner, lesson.id, quiz.questions, (i) => i === 0);
    // Every other question wrong, and the discernment one (wherever a bias pair puts it) too.
    await takeQuiz(handle, learner, "assessment-pre", (await checkQuestions(handle, learner, "pre")).questions, (i, q) => i % 2 === 0 || q.type === "discern");
    await takeQuiz(handle, learner, "assessment-post", (await checkQuestions(handle, learner, "post")).questions, () => false);

    const grid = await rosterGrid(handle, lead, cohortId);
    const ada = grid.learners.find((l) => l.name === "Ada")!;
    expect(ada.cells[lesson.id]).toMatchObject({ done: true });
    expect(ada.cells[lesson.id].bestPercent).toBeGreaterThan(50);
    expect(grid.lessons.find((l) => l.id === lesson.id)!.completed).toBe(1);
    expect(grid.learners).toHaveLength(2);

    const { items } = await itemAnalysis(handle, lead, cohortId);
    const first = items.find((r) => r.activityId === lesson.id && r.questionId === quiz.questions[0].id)!;
    // One answer is too few to give a share correct (lib/quiz/psychometrics.ts MIN_ANSWERS).
    expect(first).toMatchObject({ answers: 1, percentCorrect: null });
    expect(first.commonWrong?.count).toBe(1);

    const gain = await learningGain(handle, lead, cohortId);
    // One learner: counted in their order, but no figure about them shows (lib/quiz/gain.ts).
    expect(gain).toMatchObject({ n: 1, balanced: false, hidden: true, meanPre: null, meanPost: null, gain: null, normalisedGain: null, minLearners: GAIN_MIN_LEARNERS });
    expect(gain.orders.map((o) => o.n).sort()).toEqual([0, 1]);
    // Discernment: every genuine post flagged on the pre-assessment (false alarms), none after.
    expect(gain.discernment.items).toBeGreaterThan(0);
    expect(gain.discernment.falseAlarmRate).toBeGreaterThan(0);

    const { name, csv } = await cohortCsv(handle, lead, cohortId);
    expect(name).toBe("Tuesday hall results");
    expect(csv.split("\r\n")[0]).toContain('"Learner","Nickname only","Lessons done"');
    expect(csv).toContain('"Ada","no","1"');
  });

  it("the counterbalanced gain: a group that learned nothing shows no gain, though form B is harder", async () => {
    const { id: groupId, joinCode: code } = await createCohort(handle, lead, { name: "Forms hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    const members: SessionUser[] = [];
    formsHall = { groupId, members };
    for (let i = 0; i < 2 * GAIN_MIN_LEARNERS; i++) {
      const m = await createAccount(handle, { email: `forms-${i}@example.org`, displayName: `Forms ${i}`, password: PASSWORD });
      await joinCohort(handle, m, code);
      members.push(m);
    }
    // Form B is harder: everyone misses its first 8 questions, and form A's first 3, whenever
    // they take it. Nobody learns anything, so any change between the checks is the forms'.
    const wrongOn = { a: (i: number) => i < 3, b: (i: number) => i < 8 };
    const scores = { a: 0, b: 0 };
    for (const m of members) {
      for (const slot of ["pre", "post"] as const) {
        const { form, questions } = await checkQuestions(handle, m, slot);
        await takeQuiz(handle, m, `assessment-${slot}`, questions, wrongOn[form]);
        const row = await handle.db.selectFrom("quiz_attempts").select("score").where("user_id", "=", m.id).where("lesson_id", "=", `assessment-${slot}`).executeTakeFirstOrThrow();
        scores[form] = Number(row.score) * 100;
      }
    }
    expect(scores.b).toBeLessThan(scores.a);

    const gain = await learningGain(handle, lead, groupId);
    // Assigned half and half within the group, and read back from the forms each attempt was on.
    expect(gain.orders).toEqual([
      { order: "ab", n: GAIN_MIN_LEARNERS, meanPre: Math.round(scores.a * 10) / 10, meanPost: Math.round(scores.b * 10) / 10 },
      { order: "ba", n: GAIN_MIN_LEARNERS, meanPre: Math.round(scores.b * 10) / 10, meanPost: Math.round(scores.a * 10) / 10 },
    ]);
    expect(gain).toMatchObject({ n: 2 * GAIN_MIN_LEARNERS, balanced: true, hidden: false, gain: 0, interval: [0, 0], normalisedGain: 0 });
    // The "ab" half alone would report a loss of (B - A); the counterbalanced gain removes it and
    // reports it as the forms' difference instead.
    expect(gain.formDifference).toBeCloseTo(scores.b - scores.a, 1);
    expect(gain.orders[0].meanPost! - gain.orders[0].meanPre!).toBeLessThan(-10);
  });

  it("the gain counts each learner's first starting and first final check, not a later one", async () => {
    const { groupId, members } = formsHall!;
    const first = await learningGain(handle, lead, groupId);
    expect(first.hidden).toBe(false);
    // A second finished check of each kind, later, on the same form, at 100 % before and 0 % after
    // (two devices racing, or a retake from before retakes were refused): the first ones count.
    const later = new Date(Date.now() + 60_000).toISOString();
    for (const slot of ["pre", "post"] as const) {
      const { form } = await checkQuestions(handle, members[0], slot);
      const quiz = forms[form]!;
      await handle.db
        .insertInto("quiz_attempts")
        .values({ id: crypto.randomUUID(), user_id: members[0].id, course_id: course.id, lesson_id: `assessment-${slot}`, quiz_id: quiz.id, started_at: later, finished_at: later, score: slot === "pre" ? 1 : 0, source: "app", content_version: quiz.version ?? null })
        .execute();
    }
    expect(await learningGain(handle, lead, groupId)).toEqual(first);
  });

  it("the group's sensitivity (d′) is the mean of each learner's own, hidden below 5 learners and from older versions", async () => {
    const { id, joinCode: code } = await createCohort(handle, lead, { name: "Sensitivity", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    const flagOnly = async (nickname: string, hits: number, falseAlarms: number) => {
      const nick = await joinWithNickname(handle, { code, nickname });
      const who = { id: nick.userId, role: "learner" as const, displayName: nickname };
      // The discernment set of whichever form this learner's starting check is on.
      const q = (await checkQuestions(handle, who, "pre")).questions.find((x) => x.type === "discern")!;
      const manipulative = q.options.filter((o) => q.correct.includes(o.id)).map((o) => o.id);
      const genuine = q.options.filter((o) => !q.correct.includes(o.id)).map((o) => o.id);
      expect([manipulative.length, genuine.length]).toEqual([6, 6]); // the hand-worked figures below assume 6 + 6
      const attemptId = crypto.randomUUID();
      const chosen = [...manipulative.slice(0, hits), ...genuine.slice(0, falseAlarms)];
      await recordAnswer(handle, who, { id: crypto.randomUUID(), attemptId, locale: "en", courseId: course.id, lessonId: "assessment-pre", questionId: q.id, chosen });
      await finishAttempt(handle, who, attemptId, "en");
      return attemptId;
    };
    // d′ with the log-linear correction (lib/quiz/sensitivity.test.ts): 6/6 hits, 0/6 false alarms
    // 2.930468; 5/6, 1/6 1.583277; 3/6, 3/6 and 0/6, 0/6 both 0.
    await flagOnly("Sens A", 6, 0);
    await flagOnly("Sens B", 5, 1);
    await flagOnly("Sens C", 3, 3);
    await flagOnly("Sens D", 0, 0);
    const four = await learningGain(handle, lead, id);
    // Four learners: the pooled rates show (14 of 24 hits, 4 of 24 false alarms), the mean d′ does not.
    expect(four.discernment).toMatchObject({ hitRate: 14 / 24, falseAlarmRate: 4 / 24, items: 48, sensitivity: null, minLearners: 5 });

    const fifth = await flagOnly("Sens E", 6, 0);
    // (2.930468 + 1.583277 + 0 + 0 + 2.930468) / 5 = 7.444213 / 5 = 1.488843.
    expect((await learningGain(handle, lead, id)).discernment.sensitivity).toEqual({ meanDPrime: 1.49, learners: 5 });

    // An attempt on an earlier version of the check no longer counts: back to four, hidden.
    await handle.db.updateTable("quiz_attempts").set({ content_version: "older" }).where("id", "=", fifth).execute();
    expect((await learningGain(handle, lead, id)).discernment).toMatchObject({ items: 48, sensitivity: null });
    await deleteCohort(handle, lead, id);
  });

  it("another facilitator reaches nothing of this cohort; an admin reads but does not manage", async () => {
    const attempts = [
      () => rosterGrid(handle, other, cohortId),
      () => itemAnalysis(handle, other, cohortId),
      () => learningGain(handle, other, cohortId),
      () => cohortCsv(handle, other, cohortId),
      () => setAssignment(handle, other, cohortId, { activityId: lesson.id, dueAt: "2099-12-01" }),
      () => archiveCohort(handle, other, cohortId, true),
      () => resetLearnerPassphrase(handle, other, cohortId, learner.id),
      () => liftLearnerThrottle(handle, other, cohortId, learner.id),
      () => deleteCohort(handle, other, cohortId),
      () => rosterGrid(handle, learner, cohortId),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: expect.stringMatching(/not_found|forbidden/) });
    expect(await myCohorts(handle, other)).toEqual([]);
    expect((await rosterGrid(handle, admin, cohortId)).cohort.id).toBe(cohortId);
    await expect(archiveCohort(handle, admin, cohortId, true)).rejects.toMatchObject({ code: "not_found" });
  });

  it("co-facilitators see the cohort; a suspended facilitator can no longer manage, an admin still reads", async () => {
    const co = await createAccount(handle, { email: "co@example.org", displayName: "Co", password: PASSWORD, role: "facilitator" });
    const { id } = await createCohort(handle, lead, { name: "Class 9B", kind: "class", locale: "en", trackId: "school", coFacilitatorEmails: ["co@example.org"] });
    // Invited, then in once they accept (lib/cohorts/invitations.db.test.ts tests the invitations).
    await acceptInvitation(handle, co, (await myInvitations(handle, co))[0].id);
    expect((await myCohorts(handle, co)).map((c) => c.id)).toEqual([id]);
    await setAssignment(handle, co, id, { activityId: lesson.id, dueAt: "2099-12-01" });
    await expect(setFacilitatorSuspended(handle, lead, co.id, true)).rejects.toMatchObject({ code: "forbidden" });
    await setFacilitatorSuspended(handle, admin, co.id, true);
    await expect(setAssignment(handle, co, id, { activityId: lesson.id, dueAt: "2099-12-02" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await rosterGrid(handle, admin, id)).cohort.name).toBe("Class 9B");
  });

  it("learners see what is due", async () => {
    await setAssignment(handle, lead, cohortId, { activityId: course.modules[0].lessons[1].id, dueAt: "2099-12-05" });
    await expect(setAssignment(handle, lead, cohortId, { activityId: "no-such-lesson", dueAt: "2099-12-05" })).rejects.toMatchObject({ code: "bad_request" });
    const mine = await myAssignments(handle, learner);
    const due = mine.find((c) => c.id === cohortId)!.due;
    expect(due.map((d) => [d.activityId, d.done])).toContainEqual([course.modules[0].lessons[1].id, false]);
    // A quiz activity counts as done once finished (the learner took the final check above).
    await setAssignment(handle, lead, cohortId, { activityId: "assessment-post", dueAt: "2099-12-06" });
    const after = (await myAssignments(handle, learner)).find((c) => c.id === cohortId)!.due;
    expect(after.find((d) => d.activityId === "assessment-post")?.done).toBe(true);
  });

  it("deleting a cohort removes its nickname accounts and every cohort row, and leaves own accounts", async () => {
    const { id, joinCode: code } = await createCohort(handle, lead, { name: "One-off", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    const nick = await joinWithNickname(handle, { code, nickname: "Temp" });
    const nickUser = { id: nick.userId, role: "learner" as const, displayName: "Temp" };
    await takeQuiz(handle, nickUser, lesson.id, quiz.questions, () => false);
    await joinCohort(handle, learner, code);
    await setAssignment(handle, lead, id, { activityId: lesson.id, dueAt: "2099-12-01" });
    // Both share their views (anonymous answers, a submission each, a batch).
    const answers = getAttitudeItems("en", course.id).map((i) => ({ itemId: i.id, value: 4 }));
    for (const who of [nickUser, learner]) await submitAttitudes(handle, who, { courseId: course.id, form: "pre", mechanism: "krr-5-ln3", submissionId: crypto.randomUUID(), answers });
    expect((await handle.db.selectFrom("attitude_answers").selectAll().where("cohort_id", "=", id).execute()).length).toBe(2 * answers.length);

    expect(await deleteCohort(handle, lead, id)).toEqual({ accountsDeleted: 1 });
    for (const table of ["cohort_members", "cohort_facilitators", "cohort_invitations", "assignments", "attitude_answers", "attitude_submissions", "attitude_batches"] as const) {
      expect(await handle.db.selectFrom(table).selectAll().where("cohort_id", "=", id).execute(), table).toEqual([]);
    }
    expect(await handle.db.selectFrom("cohorts").selectAll().where("id", "=", id).execute()).toEqual([]);
    for (const table of ["quiz_responses", "quiz_attempts", "lesson_completions", "cohort_members", "attitude_submissions"] as const) {
      expect(await handle.db.selectFrom(table).selectAll().where("user_id", "=", nick.userId).execute(), table).toEqual([]);
    }
    expect(await handle.db.selectFrom("users").selectAll().where("id", "=", nick.userId).execute()).toEqual([]);
    // The learner with their own account keeps their own progress.
    expect((await handle.db.selectFrom("quiz_attempts").selectAll().where("user_id", "=", learner.id).execute()).length).toBeGreaterThan(0);
  });

  it("a facilitator who owns groups deletes them before their account; the groups never vanish with it", async () => {
    const owner = await createAccount(handle, { email: "owner-leaving@example.org", displayName: "Leaving", password: PASSWORD, role: "facilitator" });
    const { id } = await createCohort(handle, owner, { name: "Kept", kind: "class", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    await expect(deleteMyAccount(handle, owner, PASSWORD)).rejects.toMatchObject({ code: "conflict", key: "account.runsGroups", args: { groups: 1 } });
    expect(await handle.db.selectFrom("cohorts").select("id").where("id", "=", id).execute()).toHaveLength(1);
    expect(await handle.db.selectFrom("users").select("id").where("id", "=", owner.id).execute()).toHaveLength(1);
    // A wrong password is refused before anything about groups is said.
    await expect(deleteMyAccount(handle, owner, "not the password")).rejects.toMatchObject({ code: "forbidden" });
    await deleteCohort(handle, owner, id);
    await deleteMyAccount(handle, owner, PASSWORD);
    expect(await handle.db.selectFrom("users").select("id").where("id", "=", owner.id).execute()).toEqual([]);
  });
});
