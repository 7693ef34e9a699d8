// Assignment due dates on both engines (issue #23): a date that has passed is refused beside its
// field, "no due date" is a choice of its own (stored as NULL, migration 0014), and every list
// shows dated work first, soonest first, then work with no date.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { getCourses } from "@/lib/content";
import { testEngines } from "@/lib/testing/db";
import { assignmentInput, createCohort, joinCohort, setAssignment } from "./mutations";
import { cohortAssignments, myAssignments } from "./queries";

process.env.LOG_SILENT = "1";

const PASSWORD = "river lamp orchard";
const [first, second, third] = getCourses("en")[0].modules.flatMap((m) => m.lessons);
/** A fixed "now" for the refusals: 09:00 UTC on 10 March 2030. */
const NOW = new Date("2030-03-10T09:00:00Z");

describe("the assignment input", () => {
  it("takes a calendar day or an explicit null, and refuses a missing or malformed date", () => {
    expect(assignmentInput.parse({ activityId: first.id, dueAt: "2030-03-12" })).toEqual({ activityId: first.id, dueAt: "2030-03-12" });
    expect(assignmentInput.parse({ activityId: first.id, dueAt: null })).toEqual({ activityId: first.id, dueAt: null });
    const missing = assignmentInput.safeParse({ activityId: first.id });
    expect(missing.error?.issues[0]).toMatchObject({ path: ["dueAt"], message: "cohorts.dueMissing" });
    expect(assignmentInput.safeParse({ activityId: first.id, dueAt: "2030-02-30" }).error?.issues[0].message).toBe("cohorts.dueInvalid");
    expect(assignmentInput.safeParse({ activityId: first.id, dueAt: "" }).success).toBe(false);
  });
});

describe.each(testEngines())("assignment due dates on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  let learner: SessionUser;
  let cohortId: string;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    lead = await createAccount(handle, { email: "due.lead@example.org", displayName: "Lead", password: PASSWORD, role: "facilitator" });
    learner = await createAccount(handle, { email: "due.learner@example.org", displayName: "Ada", password: PASSWORD });
    // On the workshop plan: a class on the school plan starts with its plan's lessons set (plan-assignments.db.test.ts).
    const created = await createCohort(handle, lead, { name: "Class 10C", kind: "class", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    cohortId = created.id;
    await joinCohort(handle, learner, created.joinCode);
  });
  afterAll(async () => cleanup());

  it("refuses a due date that has passed, naming the field, and stores nothing", async () => {
    const refused = setAssignment(handle, lead, cohortId, { activityId: first.id, dueAt: "2030-03-08" }, NOW);
    await expect(refused).rejects.toMatchObject({ code: "bad_request", details: { field: "dueAt" } });
    await expect(setAssignment(handle, lead, cohortId, { activityId: first.id, dueAt: "1999-01-01" }, NOW)).rejects.toMatchObject({ key: "cohorts.duePassed" });
    expect(await cohortAssignments(handle, lead, cohortId)).toEqual([]);
  });

  it("takes today, wherever the facilitator is, and later days", async () => {
    // 09:00 UTC on the 10th is still the 9th west of UTC-9: that day is not over everywhere yet.
    await setAssignment(handle, lead, cohortId, { activityId: first.id, dueAt: "2030-03-09" }, NOW);
    await setAssignment(handle, lead, cohortId, { activityId: first.id, dueAt: "2030-03-10" }, NOW);
    expect(await cohortAssignments(handle, lead, cohortId)).toEqual([expect.objectContaining({ activityId: first.id, dueAt: "2030-03-10T23:59:59.000Z" })]);
  });

  it("stores \"no due date\" as no date, and lists dated work first on both engines", async () => {
    await setAssignment(handle, lead, cohortId, { activityId: second.id, dueAt: null }, NOW);
    await setAssignment(handle, lead, cohortId, { activityId: third.id, dueAt: "2030-04-01" }, NOW);
    const listed = await cohortAssignments(handle, lead, cohortId);
    expect(listed.map((a) => [a.activityId, a.dueAt])).toEqual([
      [first.id, "2030-03-10T23:59:59.000Z"],
      [third.id, "2030-04-01T23:59:59.000Z"],
      [second.id, null],
    ]);
    // The learner sees the same, the undated lesson included.
    const due = (await myAssignments(handle, learner)).find((c) => c.id === cohortId)!.due;
    expect(due.map((d) => [d.activityId, d.dueAt, d.done])).toEqual([
      [first.id, "2030-03-10T23:59:59.000Z", false],
      [third.id, "2030-04-01T23:59:59.000Z", false],
      [second.id, null, false],
    ]);
  });

  it("moves a dated assignment to no due date and back", async () => {
    await setAssignment(handle, lead, cohortId, { activityId: first.id, dueAt: null }, NOW);
    expect((await cohortAssignments(handle, lead, cohortId)).find((a) => a.activityId === first.id)?.dueAt).toBeNull();
    await setAssignment(handle, lead, cohortId, { activityId: first.id, dueAt: "2030-05-02" }, NOW);
    expect((await cohortAssignments(handle, lead, cohortId)).find((a) => a.activityId === first.id)?.dueAt).toBe("2030-05-02T23:59:59.000Z");
  });
});
