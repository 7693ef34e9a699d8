// The bias-check report on both engines: who may read it, the figures for a seeded group (each
// learner's first answer to a pair, once, on the current content version), and the threshold
// below which a version's figures stay hidden. Pairs are read from the content, never named here.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { findQuizActivity, getBoosters, getCourses } from "@/lib/content";
import { recordAnswer } from "@/lib/progress/answers";
import { biasExperiment } from "@/lib/quiz/experiments";
import { newcombeDifference } from "@/lib/quiz/proportions";
import { testEngines } from "@/lib/testing/db";
import { wrongAnswer } from "@/lib/testing/answers";
import { createCohort } from "./mutations";
import { cohortBiasReport, courseBiasReport, MIN_PER_VERSION } from "./bias-report";

process.env.LOG_SILENT = "1";
const PASSWORD = "river lamp orchard";
const course = getCourses("en")[0];
// The first activity with a pair, and its first pair.
const activity = [...course.modules.flatMap((m) => m.lessons.map((l) => l.id)), "assessment-pre", "assessment-post", ...getBoosters("en", course.id).map((b) => `booster-${b.id}`)]
  .map((id) => ({ id, quiz: findQuizActivity("en", course.id, id)?.quiz }))
  .find((a) => a.quiz?.biasPairs?.length)!;
const quiz = activity.quiz!;
const pair = quiz.biasPairs![0];
const [qa, qb] = pair.versions.map((id) => quiz.questions.find((q) => q.id === id)!);


describe.each(testEngines())("bias-check report on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  let other: SessionUser;
  let admin: SessionUser;
  let cohortId: string;
  let n = 0;

  /** A learner in the group (or not), holding version `arm` of the pair. */
  async function learner(arm: "a" | "b", inGroup = true): Promise<SessionUser> {
    const id = crypto.randomUUID();
    const at = new Date().toISOString();
    await handle.db.insertInto("users").values({ id, email: null, display_name: `B${++n}`, password_hash: "x", role: "learner", created_at: at, login_name: `b-${id}`, suspended_at: null }).execute();
    if (inGroup) await handle.db.insertInto("cohort_members").values({ cohort_id: cohortId, user_id: id, joined_at: at, pseudonymous: 1 }).execute();
    await handle.db.insertInto("experiment_arms").values({ user_id: id, course_id: course.id, experiment: biasExperiment(pair.id), arm, assigned_at: at }).execute();
    return { id, role: "learner", displayName: `B${n}` };
  }

  async function answer(user: SessionUser, right: boolean, attemptId = crypto.randomUUID()) {
    const arm = (await handle.db.selectFrom("experiment_arms").select("arm").where("user_id", "=", user.id).executeTakeFirstOrThrow()).arm;
    const q = arm === "a" ? qa : qb;
    await recordAnswer(handle, user, { id: crypto.randomUUID(), attemptId, locale: "en", courseId: course.id, lessonId: activity.id, questionId: q.id, chosen: right ? q.correct : wrongAnswer(q) });
    return attemptId;
  }

  const pairView = async (who: SessionUser = lead) => (await cohortBiasReport(handle, who, cohortId)).pairs.find((p) => p.id === pair.id)!;

  const aLearners: SessionUser[] = [];
  const bLearners: SessionUser[] = [];

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    lead = await createAccount(handle, { email: `lead-bias-${engine.name}@example.org`, displayName: "Lead", password: PASSWORD, role: "facilitator" });
    other = await createAccount(handle, { email: `other-bias-${engine.name}@example.org`, displayName: "Other", password: PASSWORD, role: "facilitator" });
    admin = await createAccount(handle, { email: `admin-bias-${engine.name}@example.org`, displayName: "Admin", password: PASSWORD }, "admin");
    ({ id: cohortId } = await createCohort(handle, lead, { name: "Bias hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] }));
    // Version a: 10 learners, 8 choose the key. Version b: 9 so far, 4 choose the key.
    for (let i = 0; i < MIN_PER_VERSION; i++) aLearners.push(await learner("a"));
    for (let i = 0; i < MIN_PER_VERSION - 1; i++) bLearners.push(await learner("b"));
    for (const [i, u] of aLearners.entries()) await answer(u, i >= 2);
    for (const [i, u] of bLearners.entries()) await answer(u, i < 4);
  });
  afterAll(async () => cleanup());

  it("lists every pair of the course with its feature and both versions' stories", async () => {
    const view = await cohortBiasReport(handle, lead, cohortId);
    expect(view.minPerVersion).toBe(MIN_PER_VERSION);
    const p = view.pairs.find((x) => x.id === pair.id)!;
    // A lesson quiz is named by its lesson (lesson quizzes share one title).
    const lessonTitle = course.modules.flatMap((m) => m.lessons).find((l) => l.id === activity.id)?.title;
    expect(p).toMatchObject({ feature: pair.feature, quizTitle: lessonTitle ?? quiz.title });
    expect(p.versions.map((v) => [v.version, v.questionId, v.prompt])).toEqual([["a", qa.id, qa.prompt], ["b", qb.id, qb.prompt]]);
  });

  it("hides a version below the threshold, and the difference with it", async () => {
    const p = await pairView();
    expect(p.versions[0]).toMatchObject({ learners: MIN_PER_VERSION, keyPercent: 80 });
    expect(p.versions[1]).toMatchObject({ learners: MIN_PER_VERSION - 1, keyPercent: null, keyRange: null, options: null });
    expect(p.difference).toBeNull();
  });

  it("gives the shares and the difference with its interval once both versions reach it", async () => {
    const last = await learner("b");
    bLearners.push(last);
    await answer(last, false);
    const p = await pairView();
    const [a, b] = p.versions;
    expect([a.learners, a.keyPercent, b.learners, b.keyPercent]).toEqual([10, 80, 10, 40]);
    // 8 of 10 against 4 of 10 (Newcombe's interval, in points to one decimal).
    const d = newcombeDifference(8, 10, 4, 10)!;
    expect(p.difference).toEqual({ points: 40, lower: Math.round(d.lower * 1000) / 10, upper: Math.round(d.upper * 1000) / 10 });
    // Wilson's interval for 8 of 10 is 49 % to 94 %.
    expect(a.keyRange).toEqual([49, 94]);
    if (a.options) {
      const wrongId = wrongAnswer(qa)[0];
      expect(a.options.find((o) => o.key)).toMatchObject({ percent: 80 });
      expect(a.options.find((o) => o.id === wrongId)).toMatchObject({ percent: 20, key: false });
      expect(a.options.reduce((s, o) => s + o.percent, 0)).toBe(100);
      expect(b.options!.find((o) => o.id === wrongAnswer(qb)[0])).toMatchObject({ percent: 60 });
    }
  });

  it("counts each learner's first answer to the pair once, whatever they answer later", async () => {
    // A learner who chose wrongly retakes the quiz twice and chooses the key.
    const wrongFirst = aLearners[0];
    await answer(wrongFirst, true);
    await answer(wrongFirst, true);
    const p = await pairView();
    expect([p.versions[0].learners, p.versions[0].keyPercent]).toEqual([10, 80]);
  });

  it("leaves out answers on an older content version", async () => {
    const attempt = await handle.db.selectFrom("quiz_attempts").select("id").where("user_id", "=", bLearners[0].id).executeTakeFirstOrThrow();
    await handle.db.updateTable("quiz_attempts").set({ content_version: "0000000000000000" }).where("id", "=", attempt.id).execute();
    const p = await pairView();
    expect(p.versions[1]).toMatchObject({ learners: MIN_PER_VERSION - 1, keyPercent: null });
    expect(p.difference).toBeNull();
    await handle.db.updateTable("quiz_attempts").set({ content_version: quiz.version! }).where("id", "=", attempt.id).execute();
  });

  it("course-wide for admins: every learner of the course, in a group or not", async () => {
    const outside = await learner("a", false);
    await answer(outside, false);
    const course = await courseBiasReport(handle, admin, "en", getCourses("en")[0].id);
    const p = course.pairs.find((x) => x.id === pair.id)!;
    expect(p.versions[0].learners).toBe(MIN_PER_VERSION + 1);
    expect((await pairView()).versions[0].learners).toBe(MIN_PER_VERSION);
    // An admin reads a group's report too.
    expect((await pairView(admin)).versions[0].learners).toBe(MIN_PER_VERSION);
  });

  it("is not for another facilitator, a learner, or (course-wide) anyone but an admin", async () => {
    const someone = aLearners[1];
    await expect(cohortBiasReport(handle, other, cohortId)).rejects.toMatchObject({ code: "not_found" });
    await expect(cohortBiasReport(handle, someone, cohortId)).rejects.toMatchObject({ code: expect.stringMatching(/not_found|forbidden/) });
    for (const who of [lead, other, someone]) await expect(courseBiasReport(handle, who, "en", course.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(courseBiasReport(handle, admin, "en", "no-such-course")).rejects.toMatchObject({ code: "not_found" });
  });
});
