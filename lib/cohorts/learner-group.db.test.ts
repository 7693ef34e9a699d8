// The "what now" read on both engines: only members reach it, and its next thing follows the
// learner's own record (rows written directly, so the test does not depend on how they are made).
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { getCourse, getTrack } from "@/lib/content";
import { testEngines } from "@/lib/testing/db";
import { archiveCohort, createCohort, joinCohort, joinWithNickname, setAssignment } from "./mutations";
import { learnerGroup } from "./learner-group";
import { learnerPlan } from "./plan";

const PASSWORD = "river lamp orchard";
const track = getTrack("en", "workshop")!;
const course = getCourse("en", track.course)!;
const plan = learnerPlan(track, course);
const [first, second, third] = plan.lessons;
const now = () => new Date().toISOString();

describe.each(testEngines())("a group as its learner sees it, on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  let admin: SessionUser;
  let learner: SessionUser;
  let stranger: SessionUser;
  let cohortId: string;
  let joinCode: string;

  const attempt = (user: SessionUser, activityId: string, finished: boolean) =>
    handle.db
      .insertInto("quiz_attempts")
      .values({ id: crypto.randomUUID(), user_id: user.id, course_id: course.id, lesson_id: activityId, quiz_id: activityId, started_at: now(), finished_at: finished ? now() : null, score: finished ? 0.5 : null, source: "app" })
      .execute();
  const complete = (user: SessionUser, lessonId: string) =>
    handle.db.insertInto("lesson_completions").values({ user_id: user.id, course_id: course.id, lesson_id: lessonId, completed_at: now() }).execute();

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    lead = await createAccount(handle, { email: "lead@example.org", displayName: "Lead", password: PASSWORD, role: "facilitator" });
    admin = await createAccount(handle, { email: "admin@example.org", displayName: "Admin", password: PASSWORD }, "admin");
    learner = await createAccount(handle, { email: "learner@example.org", displayName: "Ada", password: PASSWORD });
    stranger = await createAccount(handle, { email: "stranger@example.org", displayName: "Sol", password: PASSWORD });
    ({ id: cohortId, joinCode } = await createCohort(handle, lead, { name: "Tuesday hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] }));
    await joinCohort(handle, learner, joinCode);
  });
  afterAll(async () => cleanup());

  it("is not found for anyone but a member: its facilitator, an admin, another learner, a made-up id", async () => {
    for (const who of [lead, admin, stranger]) await expect(learnerGroup(handle, who, cohortId)).rejects.toMatchObject({ code: "not_found" });
    await expect(learnerGroup(handle, learner, crypto.randomUUID())).rejects.toMatchObject({ code: "not_found" });
    await expect(learnerGroup(handle, learner, "not-an-id")).rejects.toMatchObject({ code: "not_found" });
  });

  it("starts with the plan's starting check, and continues it once begun", async () => {
    const fresh = await learnerGroup(handle, learner, cohortId);
    expect(fresh).toMatchObject({ id: cohortId, name: "Tuesday hall", courseHref: `/en/courses/${course.id}`, lessonsDone: 0, lessonsTotal: plan.lessons.length });
    expect(fresh.next).toEqual({ kind: "pre", href: `/en/courses/${course.id}/assessment/pre`, begun: false });
    await attempt(learner, "assessment-pre", false);
    expect((await learnerGroup(handle, learner, cohortId)).next).toMatchObject({ kind: "pre", begun: true });
  });

  it("after the check: the earliest due unfinished assignment, then the plan's next lesson, then wait", async () => {
    await attempt(learner, "assessment-pre", true);
    await setAssignment(handle, lead, cohortId, { activityId: third.id, dueAt: "2030-05-01" });
    await setAssignment(handle, lead, cohortId, { activityId: second.id, dueAt: "2030-04-01" });
    let view = await learnerGroup(handle, learner, cohortId);
    expect(view.next).toMatchObject({ kind: "assignment", activityId: second.id, title: second.title, href: `/en/courses/${course.id}/${second.id}`, dueAt: "2030-04-01T23:59:59.000Z", begun: false });
    expect(view.due.map((d) => [d.activityId, d.done])).toEqual([[second.id, false], [third.id, false]]);

    // A finished quiz counts as done, as on the dashboard; a lesson marked done too.
    await attempt(learner, second.id, true);
    await complete(learner, third.id);
    view = await learnerGroup(handle, learner, cohortId);
    expect(view.due.map((d) => d.done)).toEqual([true, true]);
    expect(view.next).toMatchObject({ kind: "lesson", lessonId: first.id, number: 1, begun: false });
    expect(view.lessonsDone).toBe(2);

    await attempt(learner, first.id, false);
    expect((await learnerGroup(handle, learner, cohortId)).next).toMatchObject({ kind: "lesson", lessonId: first.id, begun: true });

    for (const l of plan.lessons.filter((l) => ![second.id, third.id].includes(l.id))) await complete(learner, l.id);
    view = await learnerGroup(handle, learner, cohortId);
    expect(view.next).toEqual({ kind: "wait" });
    expect(view.lessonsDone).toBe(plan.lessons.length);
  });

  it("reads only the learner's own record, and shows a nickname member the same group", async () => {
    const { userId } = await joinWithNickname(handle, { code: joinCode, nickname: "Robin" });
    const robin: SessionUser = { id: userId, role: "learner", displayName: "Robin" };
    const view = await learnerGroup(handle, robin, cohortId);
    expect(view.next).toMatchObject({ kind: "pre", begun: false });
    expect(view.due.every((d) => !d.done)).toBe(true);
    expect(view.lessonsDone).toBe(0);
  });

  it("is gone once the group is archived, as on the dashboard", async () => {
    await archiveCohort(handle, lead, cohortId, true);
    await expect(learnerGroup(handle, learner, cohortId)).rejects.toMatchObject({ code: "not_found" });
    await archiveCohort(handle, lead, cohortId, false);
    await expect(learnerGroup(handle, learner, cohortId)).resolves.toMatchObject({ id: cohortId });
  });
});
