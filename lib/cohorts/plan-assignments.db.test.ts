// A class created with the school plan on both engines: it starts with the plan's lessons set
// (no due date), each assignment says "n of m done" and who is missing, and a learner sees no
// due date, a due date, or "overdue" for each (an empty due date: migration 0014).
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { getTrack } from "@/lib/content";
import { planAssignments } from "@/lib/content/plan";
import { testEngines } from "@/lib/testing/db";
import { createCohort, joinCohort, setAssignment } from "./mutations";
import { cohortAssignments, isOverdue, myAssignments, myCohorts } from "./queries";

process.env.LOG_SILENT = "1";

const PASSWORD = "river lamp orchard";
const school = getTrack("en", "school")!;
const planned = planAssignments(school);

describe.each(testEngines())("a class on the school plan on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let teacher: SessionUser;
  let stranger: SessionUser;
  let students: SessionUser[];
  let classId: string;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    teacher = await createAccount(handle, { email: "teacher@example.org", displayName: "Teacher", password: PASSWORD, role: "facilitator" });
    stranger = await createAccount(handle, { email: "stranger@example.org", displayName: "Stranger", password: PASSWORD, role: "facilitator" });
    students = await Promise.all(["Bea", "Ali", "Cy"].map((name) => createAccount(handle, { email: `${name.toLowerCase()}@example.org`, displayName: name, password: PASSWORD })));
    const made = await createCohort(handle, teacher, { name: "Year 10 PSHE", kind: "class", locale: "en", trackId: "school", coFacilitatorEmails: [] });
    classId = made.id;
    for (const s of students) await joinCohort(handle, s, made.joinCode);
  });
  afterAll(async () => cleanup());

  /** Marks a lesson done for a learner, as the lesson page does (a row in lesson_completions). */
  const complete = (user: SessionUser, lessonId: string) =>
    handle.db.insertInto("lesson_completions").values({ user_id: user.id, course_id: school.course, lesson_id: lessonId, completed_at: new Date().toISOString() }).execute();

  it("starts with the school lessons' checks and course lessons set, with no due date, in the plan's order", async () => {
    const rows = await handle.db.selectFrom("assignments").select(["activity_id", "due_at"]).where("cohort_id", "=", classId).execute();
    expect(rows.map((r) => r.activity_id).sort()).toEqual(planned.map((p) => p.activityId).sort());
    expect(rows.every((r) => r.due_at === null)).toBe(true);
    const list = await cohortAssignments(handle, teacher, classId);
    expect(list.map((a) => a.activityId)).toEqual(planned.map((p) => p.activityId));
    // Grouped by school lesson: the starting check opens lesson 1, the final check closes lesson 6.
    expect(list[0]).toMatchObject({ activityId: "assessment-pre", part: { id: school.kind === "school" ? school.lessons[0].id : "", number: 1 } });
    expect(list.at(-1)).toMatchObject({ activityId: "assessment-post", part: { number: school.kind === "school" ? school.lessons.length : 0 } });
  });

  it("is the school plan's, not the course's: a workshop group starts with nothing set", async () => {
    const { id } = await createCohort(handle, teacher, { name: "Hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    expect(await cohortAssignments(handle, teacher, id)).toEqual([]);
    expect((await myCohorts(handle, teacher)).find((c) => c.id === id)).toMatchObject({ trackId: "workshop" });
    expect((await myCohorts(handle, teacher)).find((c) => c.id === classId)).toMatchObject({ trackId: "school" });
  });

  it("says how many of the class have done each assignment and who has not", async () => {
    const [bea, ali] = students;
    const lesson = planned.find((p) => !p.activityId.startsWith("assessment-"))!.activityId;
    await complete(bea, lesson);
    await complete(ali, lesson);
    // A finished check counts as done; an unfinished attempt does not.
    const attempt = (user: SessionUser, finished: boolean) =>
      handle.db
        .insertInto("quiz_attempts")
        .values({ id: crypto.randomUUID(), user_id: user.id, course_id: school.course, lesson_id: "assessment-pre", quiz_id: "assessment-a", started_at: "2026-01-05T10:00:00.000Z", finished_at: finished ? "2026-01-05T10:12:00.000Z" : null, score: finished ? 0.6 : null, source: "app", content_version: null })
        .execute();
    await attempt(bea, true);
    await attempt(ali, false);

    const list = await cohortAssignments(handle, teacher, classId);
    const read = list.find((a) => a.activityId === lesson)!;
    expect(read).toMatchObject({ done: 2, total: 3, missing: [{ id: students[2].id, name: "Cy" }] });
    const pre = list.find((a) => a.activityId === "assessment-pre")!;
    // Names sorted, so the facilitator finds a learner quickly.
    expect(pre).toMatchObject({ done: 1, total: 3, missing: [{ name: "Ali" }, { name: "Cy" }] });
    const untouched = list.find((a) => a.activityId === "assessment-post")!;
    expect(untouched).toMatchObject({ done: 0, total: 3 });
    expect(untouched.missing.map((m) => m.name)).toEqual(["Ali", "Bea", "Cy"]);
  });

  it("shows each learner no due date, a date, or overdue; overdue is past the due day and not done", async () => {
    const [bea, , cy] = students;
    const lesson = planned.find((p) => !p.activityId.startsWith("assessment-"))!.activityId;
    // A due date set through the form moves the plan's assignment (still one row).
    await setAssignment(handle, teacher, classId, { activityId: lesson, dueAt: "2030-03-02" });
    await setAssignment(handle, teacher, classId, { activityId: "assessment-post", dueAt: "2030-03-09" });
    const after = new Date("2030-03-05T12:00:00.000Z");
    const forCy = (await myAssignments(handle, cy, after)).find((g) => g.id === classId)!;
    const forBea = (await myAssignments(handle, bea, after)).find((g) => g.id === classId)!;
    expect(forCy.due).toHaveLength(planned.length);
    // Dated work first, soonest first; then the rest in the plan's order.
    expect(forCy.due.slice(0, 2).map((d) => [d.activityId, d.dueAt])).toEqual([
      [lesson, "2030-03-02T23:59:59.000Z"],
      ["assessment-post", "2030-03-09T23:59:59.000Z"],
    ]);
    expect(forCy.due[0]).toMatchObject({ done: false, overdue: true });
    expect(forBea.due[0]).toMatchObject({ done: true, overdue: false }); // done in time or late, never overdue
    expect(forCy.due[1]).toMatchObject({ overdue: false });
    expect(forCy.due.slice(2).every((d) => d.dueAt === null && !d.overdue)).toBe(true);
    expect(forCy.due.slice(2).map((d) => d.activityId)).toEqual(planned.map((p) => p.activityId).filter((id) => id !== lesson && id !== "assessment-post"));

    const facilitator = await cohortAssignments(handle, teacher, classId, after);
    expect(facilitator.find((a) => a.activityId === lesson)).toMatchObject({ overdue: true, dueAt: "2030-03-02T23:59:59.000Z" });
    expect(facilitator.find((a) => a.activityId === "assessment-post")).toMatchObject({ overdue: false });
    expect((await handle.db.selectFrom("assignments").select("id").where("cohort_id", "=", classId).execute()).length).toBe(planned.length);
  });

  it("keeps names to the class's own facilitators", async () => {
    await expect(cohortAssignments(handle, stranger, classId)).rejects.toMatchObject({ code: "not_found" });
    await expect(cohortAssignments(handle, students[0], classId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("counts an overdue day by the end of the due day", () => {
    const due = "2030-03-02T23:59:59.000Z";
    expect(isOverdue(due, false, new Date("2030-03-02T20:00:00.000Z"))).toBe(false);
    expect(isOverdue(due, false, new Date("2030-03-03T00:00:00.000Z"))).toBe(true);
    expect(isOverdue(due, true, new Date("2031-01-01T00:00:00.000Z"))).toBe(false);
    expect(isOverdue(null, false, new Date("2031-01-01T00:00:00.000Z"))).toBe(false);
  });
});
