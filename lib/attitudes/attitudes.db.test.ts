// "Your views" on both engines: anonymous storage of exactly what the device sent, the mechanism
// required, the group-of-five threshold, estimates (never counts) in the report, one submission
// per check and person, cohorts from membership only, who may read the report, and deletion.
// The privacy property itself (a facilitator controlling the other answers) is privacy.db.test.ts.
import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { getAttitudeItems, getCourses } from "@/lib/content";
import { archiveCohort, createCohort, deleteCohort, joinCohort } from "@/lib/cohorts/mutations";
import { deleteMyAccount } from "@/lib/account/delete";
import { exportMyData } from "@/lib/account/export";
import { testEngines } from "@/lib/testing/db";
import { attitudeStatusQuery, attitudeSubmission } from "./inputs";
import { ATTITUDE_MIN_GROUP, submitAttitudes } from "./mutations";
import { attitudeStatus, cohortAttitudes, type AttitudeEstimate } from "./queries";
import { MECHANISM, answersNeeded, estimateMean, estimateShare, estimateShareChange, randomiseAnswers, type Counts, type Interval } from "./randomised-response";
import { seededFill } from "./seeded-fill";

process.env.LOG_SILENT = "1";

const PASSWORD = "river lamp orchard";
const courseId = getCourses("en")[0].id;
const items = getAttitudeItems("en", courseId);
const [first, second] = items;

/** Every statement SENT as `value` (these tests play the device), or only the ones given. */
const submission = (form: "pre" | "post", value: number, only = items) => ({
  courseId,
  form,
  mechanism: MECHANISM,
  submissionId: crypto.randomUUID(),
  answers: only.map((i) => ({ itemId: i.id, value })),
});

const shown = (t: AttitudeEstimate) => {
  if (t.hidden) throw new Error("expected estimates to be shown");
  return t;
};

/** The interval the report must show: the pure mechanism's, from these sent counts. */
const near = (expected: Interval) => ({ estimate: expect.closeTo(expected.estimate, 2), low: expect.closeTo(expected.low, 1), high: expect.closeTo(expected.high, 1) });
const estimates = (n: number, counts: Counts) => ({
  hidden: false,
  n,
  agree: near(estimateShare(counts)),
  mean: { estimate: expect.closeTo(estimateMean(counts).estimate, 1), low: expect.closeTo(estimateMean(counts).low, 0), high: expect.closeTo(estimateMean(counts).high, 0) },
  rough: n < answersNeeded(),
});

describe.each(testEngines())("attitudes on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  let other: SessionUser;
  let admin: SessionUser;

  /** A learner made straight in the database (no password hashing: these tests never sign in). */
  async function learner(...codes: string[]): Promise<SessionUser> {
    const id = crypto.randomUUID();
    await handle.db
      .insertInto("users")
      .values({ id, email: `${id}@example.org`, display_name: `Learner ${id.slice(0, 4)}`, password_hash: "-", role: "learner", created_at: new Date().toISOString(), login_name: null, suspended_at: null })
      .execute();
    const user: SessionUser = { id, role: "learner", displayName: "L" };
    for (const code of codes) await joinCohort(handle, user, code);
    return user;
  }

  async function group(name: string) {
    return createCohort(handle, lead, { name, kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
  }

  const count = async (table: "attitude_answers" | "attitude_submissions", cohortId: string) =>
    Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).where("cohort_id", "=", cohortId).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    lead = await createAccount(handle, { email: "lead@example.org", displayName: "Lead", password: PASSWORD, role: "facilitator" });
    other = await createAccount(handle, { email: "other@example.org", displayName: "Other", password: PASSWORD, role: "facilitator" });
    admin = await createAccount(handle, { email: "admin@example.org", displayName: "Admin", password: PASSWORD }, "admin");
  });
  afterAll(async () => cleanup());

  it("the course asks 4 to 6 statements (the content this suite relies on)", () => {
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.length).toBeLessThanOrEqual(6);
  });

  it("stores exactly what the device sent, with no user id, no time of day and random ids; only THAT someone answered is kept apart", async () => {
    const { id: cohortId, joinCode } = await group("Storage");
    const ada = await learner(joinCode);
    // The device randomises before sending; the server keeps the sent values, and nothing else.
    const input = { ...submission("pre", 4), answers: randomiseAnswers(items.map((i, k) => ({ itemId: i.id, value: 1 + (k % 5) })), seededFill(11)) };
    await submitAttitudes(handle, ada, input);

    const rows = await handle.db.selectFrom("attitude_answers").selectAll().where("cohort_id", "=", cohortId).execute();
    expect(rows).toHaveLength(items.length);
    const stored = rows.map((r) => ({ itemId: r.item_id, value: Number(r.value) })).sort((a, b) => a.itemId.localeCompare(b.itemId));
    expect(stored).toEqual([...input.answers].sort((a, b) => a.itemId.localeCompare(b.itemId)));
    expect(Object.keys(rows[0]).sort()).toEqual(["answered_on", "batch", "cohort_id", "form", "id", "item_id", "value"]);
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toContain(ada.id);
      expect(JSON.stringify(row)).not.toContain(input.submissionId);
      expect(row.answered_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const subs = await handle.db.selectFrom("attitude_submissions").selectAll().where("cohort_id", "=", cohortId).execute();
    expect(subs).toEqual([{ cohort_id: cohortId, user_id: ada.id, form: "pre", submission_id: input.submissionId }]);
    // Nothing in the submission row points at an answer row.
    for (const row of rows) expect(JSON.stringify(subs)).not.toContain(row.id);
  });

  it.runIf(engine.name === "sqlite")("SQLite keeps the answers WITHOUT ROWID, so their stored order is by random id, not arrival", async () => {
    const table = await sql<{ sql: string }>`select sql from sqlite_master where name = 'attitude_answers'`.execute(handle.db);
    expect(table.rows[0].sql.toLowerCase()).toContain("without rowid");
    // A scan with no ORDER BY returns rows in storage order: sorted by id, whatever order they came in.
    const scan = await sql<{ id: string }>`select id from attitude_answers`.execute(handle.db);
    const ids = scan.rows.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
  });

  it("hides the estimates from four people, without saying how many; shows them from five, never as counts", async () => {
    const { id: cohortId, joinCode } = await group("Threshold");
    const people = [];
    for (let i = 0; i < 10; i++) people.push(await learner(joinCode));

    for (const p of people.slice(0, 4)) await submitAttitudes(handle, p, submission("pre", 5));
    const four = await cohortAttitudes(handle, lead, cohortId);
    expect(four).toMatchObject({ minGroup: ATTITUDE_MIN_GROUP, mechanism: "krr-5-ln3", epsilon: Math.log(3), answersNeeded: 523, usefulHalfWidth: 0.15 });
    expect(four.items.map((i) => i.itemId)).toEqual(items.map((i) => i.id));
    for (const item of four.items) expect(item).toMatchObject({ pre: { hidden: true }, post: { hidden: true }, change: null });
    expect(JSON.stringify(four)).not.toMatch(/"n":/);

    // The fifth person: the first statement was sent as 1, so the sent counts are 1 x "1", 4 x "5".
    await submitAttitudes(handle, people[4], { ...submission("pre", 5), answers: items.map((i) => ({ itemId: i.id, value: i.id === first.id ? 1 : 5 })) });
    const five = await cohortAttitudes(handle, lead, cohortId);
    expect(five.items[0].pre).toEqual(estimates(5, [1, 0, 0, 0, 4]));
    expect(five.items[1].pre).toEqual(estimates(5, [0, 0, 0, 0, 5]));
    // Five answers are far from the 523 a +/- 15-point estimate needs: rough, and said so.
    expect(shown(five.items[0].pre)).toMatchObject({ rough: true });
    expect(five.items[0].post).toEqual({ hidden: true });
    expect(five.items[0].change).toBeNull();
    // No counts per rating anywhere in the report: they would read as people.
    expect(JSON.stringify(five)).not.toMatch(/counts|"v[1-5]"/);

    // Estimates grow only by full groups of five: a sixth answer changes nothing yet.
    await submitAttitudes(handle, people[5], submission("pre", 2));
    expect(await cohortAttitudes(handle, lead, cohortId)).toEqual(five);
    for (const p of people.slice(6, 10)) await submitAttitudes(handle, p, submission("pre", 3));
    expect((await cohortAttitudes(handle, lead, cohortId)).items[1].pre).toEqual(estimates(10, [0, 1, 4, 0, 5]));
  });

  it("compares the checks only through an interval: a difference whose interval holds 0 is not a change", async () => {
    const { id: cohortId, joinCode } = await group("Before and after");
    for (let i = 0; i < 5; i++) {
      const p = await learner(joinCode);
      await submitAttitudes(handle, p, submission("pre", i < 2 ? 4 : 2));
      await submitAttitudes(handle, p, submission("post", i < 4 ? 4 : 2));
    }
    const change = (await cohortAttitudes(handle, lead, cohortId)).items[0].change!;
    const expected = estimateShareChange([0, 3, 0, 2, 0], [0, 1, 0, 4, 0]);
    expect(change).toEqual({ ...near(expected), verdict: "unclear" });
    expect(change.low).toBeLessThan(0);
    expect(change.high).toBeGreaterThan(0);
  });

  it("hides a statement that fewer than five answered, even when five people shared views", async () => {
    const { id: cohortId, joinCode } = await group("Skipped statements");
    for (let i = 0; i < 5; i++) {
      // Everyone answers the first statement; only four answer the second.
      const p = await learner(joinCode);
      await submitAttitudes(handle, p, submission("post", 4, i === 0 ? [first] : [first, second]));
    }
    const report = await cohortAttitudes(handle, lead, cohortId);
    expect(shown(report.items[0].post).n).toBe(5);
    expect(report.items[0].change).toBeNull();
    expect(report.items[1].post).toEqual({ hidden: true });
  });

  it("five people submitting at the same moment fill one group of five exactly", async () => {
    const { id: cohortId, joinCode } = await group("Together");
    const people = await Promise.all(Array.from({ length: 5 }, () => learner(joinCode)));
    await Promise.all(people.map((p) => submitAttitudes(handle, p, submission("pre", 3))));
    const batches = await handle.db.selectFrom("attitude_batches").selectAll().where("cohort_id", "=", cohortId).execute();
    expect(batches.map((b) => [b.form, Number(b.batch), Number(b.members)])).toEqual([["pre", 0, 5]]);
    expect(shown((await cohortAttitudes(handle, lead, cohortId)).items[0].pre).n).toBe(5);
  });

  it("one submission per check and person: a retry is acknowledged, a second one refused", async () => {
    const { id: cohortId, joinCode } = await group("Once");
    const bo = await learner(joinCode);
    const input = submission("pre", 4);
    await submitAttitudes(handle, bo, input);
    await expect(submitAttitudes(handle, bo, input)).resolves.toEqual({ saved: true });
    await Promise.all([submitAttitudes(handle, bo, input), submitAttitudes(handle, bo, input)]);
    await expect(submitAttitudes(handle, bo, submission("pre", 1))).rejects.toMatchObject({ code: "conflict", key: "attitudes.alreadyShared" });
    expect(await count("attitude_answers", cohortId)).toBe(items.length);
    expect(await count("attitude_submissions", cohortId)).toBe(1);
    // The final check is a separate form.
    await submitAttitudes(handle, bo, submission("post", 5));
    expect(await count("attitude_submissions", cohortId)).toBe(2);
    expect(await attitudeStatus(handle, bo, { courseId, form: "pre" })).toEqual({ eligible: true, answered: true });
  });

  it("the cohort comes from membership: every open group of the course, never the request", async () => {
    const a = await group("Member A");
    const b = await group("Member B");
    const archived = await group("Archived");
    const notMine = await group("Not mine");
    const cy = await learner(a.joinCode, b.joinCode, archived.joinCode);
    await archiveCohort(handle, lead, archived.id, true);

    // The request cannot name a cohort at all.
    expect(attitudeSubmission.safeParse({ ...submission("pre", 3), cohortId: notMine.id }).success).toBe(false);
    expect(attitudeStatusQuery.safeParse({ courseId, form: "pre", cohortId: notMine.id }).success).toBe(false);

    expect(await attitudeStatus(handle, cy, { courseId, form: "pre" })).toEqual({ eligible: true, answered: false });
    await submitAttitudes(handle, cy, submission("pre", 3));
    expect(await count("attitude_submissions", a.id)).toBe(1);
    expect(await count("attitude_submissions", b.id)).toBe(1);
    expect(await count("attitude_answers", archived.id)).toBe(0);
    expect(await count("attitude_answers", notMine.id)).toBe(0);
    // The learner's data export says where they shared views, and not what they answered.
    const exported = await exportMyData(handle, cy);
    expect(exported.viewsShared).toEqual([
      { group: "Member A", check: "pre" },
      { group: "Member B", check: "pre" },
    ]);
    expect(JSON.stringify(exported)).not.toContain(first.id);

    // Someone in no open group is not asked, and cannot send views anyway.
    const loner = await learner();
    expect(await attitudeStatus(handle, loner, { courseId, form: "pre" })).toEqual({ eligible: false, answered: false });
    await expect(submitAttitudes(handle, loner, submission("pre", 3))).rejects.toMatchObject({ code: "forbidden" });
    expect(await attitudeStatus(handle, cy, { courseId: "another-course", form: "pre" })).toEqual({ eligible: false, answered: false });
  });

  it("refuses statements the course does not ask, values outside 1..5 and duplicates", async () => {
    const { id: cohortId, joinCode } = await group("Checks");
    const di = await learner(joinCode);
    await expect(submitAttitudes(handle, di, { ...submission("pre", 3), answers: [{ itemId: "my-religion", value: 3 }] })).rejects.toMatchObject({ code: "bad_request" });
    const bad = [
      { ...submission("pre", 3), answers: [{ itemId: first.id, value: 6 }] },
      { ...submission("pre", 3), answers: [{ itemId: first.id, value: 0 }] },
      { ...submission("pre", 3), answers: [{ itemId: first.id, value: 2.5 }] },
      { ...submission("pre", 3), answers: [{ itemId: first.id, value: 2 }, { itemId: first.id, value: 3 }] },
      { ...submission("pre", 3), answers: [] },
      { ...submission("pre", 3), form: "during" },
      { ...submission("pre", 3), submissionId: "not-a-uuid" },
      { ...submission("pre", 3), mechanism: "raw" },
      { ...submission("pre", 3), mechanism: undefined },
    ];
    for (const b of bad) expect(attitudeSubmission.safeParse(b).success, JSON.stringify(b)).toBe(false);
    expect(await count("attitude_answers", cohortId)).toBe(0);
  });

  it("refuses a submission that does not name the mechanism (a page from before randomisation): reload, not stored", () => {
    const { mechanism: _, ...old } = submission("pre", 3);
    const refused = attitudeSubmission.safeParse(old);
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]).toMatchObject({ path: ["mechanism"], message: "attitudes.outOfDate" });
    expect(attitudeSubmission.safeParse(submission("pre", 3)).success).toBe(true);
  });

  it("only the cohort's facilitators (and admins, reading) see the estimates", async () => {
    const { id: cohortId, joinCode } = await group("Boundaries");
    const member = await learner(joinCode);
    await expect(cohortAttitudes(handle, other, cohortId)).rejects.toMatchObject({ code: "not_found" });
    await expect(cohortAttitudes(handle, member, cohortId)).rejects.toMatchObject({ code: expect.stringMatching(/not_found|forbidden/) });
    await expect(cohortAttitudes(handle, lead, crypto.randomUUID())).rejects.toMatchObject({ code: "not_found" });
    expect((await cohortAttitudes(handle, admin, cohortId)).items).toHaveLength(items.length);
    expect((await cohortAttitudes(handle, lead, cohortId)).items).toHaveLength(items.length);
  });

  it("deleting the cohort removes its attitude rows", async () => {
    const { id: cohortId, joinCode } = await group("Deleted");
    for (let i = 0; i < 5; i++) await submitAttitudes(handle, await learner(joinCode), submission("pre", 4));
    await deleteCohort(handle, lead, cohortId);
    for (const table of ["attitude_answers", "attitude_submissions", "attitude_batches"] as const) {
      expect(await handle.db.selectFrom(table).selectAll().where("cohort_id", "=", cohortId).execute(), table).toEqual([]);
    }
  });

  it("deleting an account removes whether they answered, and leaves the anonymous answers", async () => {
    const { id: cohortId, joinCode } = await group("Leaver");
    const eve = await createAccount(handle, { email: `eve-${engine.name}@example.org`, displayName: "Eve", password: PASSWORD });
    await joinCohort(handle, eve, joinCode);
    await submitAttitudes(handle, eve, submission("pre", 2));
    await deleteMyAccount(handle, eve, PASSWORD);
    expect(await handle.db.selectFrom("attitude_submissions").selectAll().where("user_id", "=", eve.id).execute()).toEqual([]);
    expect(await count("attitude_answers", cohortId)).toBe(items.length);
  });
});
