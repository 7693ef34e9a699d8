// Hall export and import on both engines: a group's records made on a hall laptop reach the same
// group on the main server once, whatever the number of imports; only its owners and co-owners
// move them; a bad or edited file changes nothing. Rows are written directly on the hall, so the
// test does not depend on how answers are made.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { verifyPassword } from "@/lib/auth/password";
import { createCohort, joinCohort, resetLearnerPassphrase } from "@/lib/cohorts/mutations";
import { getTrack } from "@/lib/content";
import { testEngines } from "@/lib/testing/db";
import { exportHallGroup } from "./export";
import { hallExportSchema, type HallExport } from "./format";
import { importHallGroup, NO_PASSPHRASE } from "./import";

const PASSWORD = "river lamp orchard";
const course = getTrack("en", "workshop")!.course;
const TABLES = ["users", "cohort_members", "lesson_completions", "quiz_attempts", "quiz_responses", "experiment_arms", "hall_groups", "hall_learners"] as const;

describe.each(testEngines())("hall export and import, on $name", (engine) => {
  let hall: Db;
  let main: Db;
  const cleanups: (() => Promise<void>)[] = [];
  let hallLead: SessionUser;
  let hallGroup: string;
  const hallLearners: SessionUser[] = [];
  let lead: SessionUser;
  let coLead: SessionUser;
  let stranger: SessionUser;
  let learnerOnMain: SessionUser;
  let group: string;
  let otherGroup: string;
  let first: HallExport;

  /** Every row of the tables an import writes, in a fixed order: "changes nothing" is this, equal. */
  async function snapshot(db: Db) {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES) out[table] = (await db.db.selectFrom(table).selectAll().execute()).map((r) => JSON.stringify(r)).sort();
    return out;
  }

  async function answer(user: SessionUser, lessonId: string, questions: number, finished: boolean, at: string) {
    const attemptId = crypto.randomUUID();
    await hall.db
      .insertInto("quiz_attempts")
      .values({ id: attemptId, user_id: user.id, course_id: course, lesson_id: lessonId, quiz_id: lessonId, started_at: at, finished_at: finished ? at : null, score: finished ? 0.5 : null, source: "app", locale: "en" })
      .execute();
    for (let q = 0; q < questions; q++) {
      await hall.db
        .insertInto("quiz_responses")
        .values({ id: crypto.randomUUID(), attempt_id: attemptId, user_id: user.id, question_id: `q${q}`, skill: "recognise", chosen: JSON.stringify(["a"]), points: q % 2, correct: q % 2, answered_at: at, locale: "en" })
        .execute();
    }
    return attemptId;
  }

  beforeAll(async () => {
    for (const name of ["hall", "main"]) {
      const opened = await engine.open();
      cleanups.push(opened.cleanup);
      if (name === "hall") hall = opened.handle;
      else main = opened.handle;
    }
    hallLead = await createAccount(hall, { email: "lead@example.org", displayName: "Lead", password: PASSWORD, role: "facilitator" });
    const made = await createCohort(hall, hallLead, { name: "Saturday hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    hallGroup = made.id;
    // Nickname accounts as a hall makes them (joinWithNickname hashes a passphrase: slow, so direct).
    for (const nickname of ["Ada", "Bo", "Chen"]) {
      const id = crypto.randomUUID();
      await hall.db.insertInto("users").values({ id, email: null, login_name: `${nickname.toLowerCase()}-1234`, display_name: nickname, password_hash: "x", role: "learner", created_at: "2026-11-01T09:00:00.000Z", suspended_at: null }).execute();
      await hall.db.insertInto("cohort_members").values({ cohort_id: hallGroup, user_id: id, joined_at: "2026-11-01T09:00:00.000Z", pseudonymous: 1 }).execute();
      hallLearners.push({ id, role: "learner", email: null, name: nickname } as unknown as SessionUser);
    }
    const outsider = await createAccount(hall, { email: "outsider@example.org", displayName: "Out", password: PASSWORD });
    await answer(outsider, "understanding-the-threat", 2, true, "2026-11-01T09:30:00.000Z");
    for (const [i, l] of hallLearners.entries()) {
      await answer(l, "understanding-the-threat", 3, true, `2026-11-01T10:0${i}:00.000Z`);
      await hall.db.insertInto("lesson_completions").values({ user_id: l.id, course_id: course, lesson_id: "understanding-the-threat", completed_at: `2026-11-01T10:1${i}:00.000Z`, locale: "en" }).execute();
      await hall.db.insertInto("experiment_arms").values({ user_id: l.id, course_id: course, experiment: "forms", arm: i % 2 ? "ab" : "ba", assigned_at: "2026-11-01T09:00:00.000Z" }).execute();
    }
    // An attempt still open when the hall exported: finished by a later export.
    await answer(hallLearners[0], "assessment-post", 1, false, "2026-11-01T11:00:00.000Z");

    lead = await createAccount(main, { email: "lead@example.org", displayName: "Lead", password: PASSWORD, role: "facilitator" });
    coLead = await createAccount(main, { email: "co@example.org", displayName: "Co", password: PASSWORD, role: "facilitator" });
    stranger = await createAccount(main, { email: "stranger@example.org", displayName: "Sol", password: PASSWORD, role: "facilitator" });
    learnerOnMain = await createAccount(main, { email: "learner@example.org", displayName: "Lee", password: PASSWORD });
    const g = await createCohort(main, lead, { name: "Saturday group", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    group = g.id;
    await main.db.insertInto("cohort_facilitators").values({ cohort_id: group, user_id: coLead.id }).execute();
    await joinCohort(main, learnerOnMain, g.joinCode);
    otherGroup = (await createCohort(main, lead, { name: "Another group", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] })).id;
  });
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("exports the group's members and their records in its course, and nothing that names them elsewhere", async () => {
    first = await exportHallGroup(hall, hallLead, hallGroup, new Date("2026-11-01T12:00:00.000Z"));
    expect(hallExportSchema.safeParse(JSON.parse(JSON.stringify(first))).success).toBe(true);
    expect(first.learners.map((l) => l.displayName).sort()).toEqual(["Ada", "Bo", "Chen"]);
    expect(first.attempts).toHaveLength(4);
    expect(first.responses).toHaveLength(10);
    expect(first.completions).toHaveLength(3);
    expect(first.arms).toHaveLength(3);
    const text = JSON.stringify(first);
    for (const secret of ["outsider", "@example.org", "ada-1234", "password", "login"]) expect(text).not.toContain(secret);
  });

  it("is exported by the group's owners only", async () => {
    const other = await createAccount(hall, { email: "other@example.org", displayName: "Other", password: PASSWORD, role: "facilitator" });
    await expect(exportHallGroup(hall, other, hallGroup)).rejects.toMatchObject({ code: "not_found" });
    await expect(exportHallGroup(hall, hallLearners[0], hallGroup)).rejects.toMatchObject({ code: "not_found" });
  });

  it("is imported by the group's owners only: others get not found, and nothing is written", async () => {
    const before = await snapshot(main);
    await expect(importHallGroup(main, stranger, group, first, true)).rejects.toMatchObject({ code: "not_found" });
    await expect(importHallGroup(main, learnerOnMain, group, first, true)).rejects.toMatchObject({ code: "not_found" });
    await expect(importHallGroup(main, lead, crypto.randomUUID(), first, true)).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot(main)).toEqual(before);
  });

  it("previews what it would add without writing anything", async () => {
    const before = await snapshot(main);
    const preview = await importHallGroup(main, lead, group, first, false);
    expect(preview).toMatchObject({ preview: true, hallGroup: { name: "Saturday hall" }, learners: { added: 3, known: 0 }, attempts: { added: 4, known: 0 }, responses: { added: 10, known: 0 }, completions: { added: 3, known: 0 } });
    expect(await snapshot(main)).toEqual(before);
  });

  it("adds the learners as nickname members with their records, once; a second import changes nothing", async () => {
    const done = await importHallGroup(main, coLead, group, first, true);
    expect(done).toMatchObject({ preview: false, learners: { added: 3 }, attempts: { added: 4 }, responses: { added: 10 }, completions: { added: 3 } });
    const members = await main.db
      .selectFrom("cohort_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.id", "u.display_name", "u.email", "u.login_name", "u.password_hash", "m.pseudonymous"])
      .where("m.cohort_id", "=", group)
      .where("m.pseudonymous", "=", 1)
      .execute();
    expect(members.map((m) => m.display_name).sort()).toEqual(["Ada", "Bo", "Chen"]);
    for (const m of members) {
      expect(m.email).toBeNull();
      expect(m.login_name).toMatch(/^[a-z]+-\d{4}$/);
      expect(m.password_hash).toBe(NO_PASSPHRASE);
      expect(await verifyPassword(m.password_hash, "")).toBe(false);
      // Hall ids are not reused as account ids here.
      expect(hallLearners.map((l) => l.id)).not.toContain(m.id);
    }
    const ada = members.find((m) => m.display_name === "Ada")!;
    expect(await main.db.selectFrom("quiz_responses").select("id").where("user_id", "=", ada.id).execute()).toHaveLength(4);

    const after = await snapshot(main);
    const again = await importHallGroup(main, lead, group, first, true);
    expect(again).toMatchObject({ learners: { added: 0, known: 3 }, attempts: { added: 0, known: 4 }, responses: { added: 0, known: 10 }, completions: { added: 0, known: 3 } });
    expect(await snapshot(main)).toEqual(after);

    // The facilitator can give an imported learner a passphrase, as for any nickname member.
    const reset = await resetLearnerPassphrase(main, lead, group, ada.id);
    expect(reset.loginName).toBe(ada.login_name);
  });

  it("adds only what is new from a later export of the same hall group", async () => {
    const [ada, bo] = hallLearners;
    await hall.db.updateTable("quiz_attempts").set({ finished_at: "2026-11-01T13:00:00.000Z", score: 1 }).where("lesson_id", "=", "assessment-post").execute();
    await answer(bo, "assessment-post", 2, true, "2026-11-01T13:05:00.000Z");
    const dan = crypto.randomUUID();
    await hall.db.insertInto("users").values({ id: dan, email: null, login_name: "dan-1234", display_name: "Dan", password_hash: "x", role: "learner", created_at: "2026-11-01T13:00:00.000Z", suspended_at: null }).execute();
    await hall.db.insertInto("cohort_members").values({ cohort_id: hallGroup, user_id: dan, joined_at: "2026-11-01T13:00:00.000Z", pseudonymous: 1 }).execute();
    const later = await exportHallGroup(hall, hallLead, hallGroup);
    const summary = await importHallGroup(main, lead, group, later, true);
    expect(summary).toMatchObject({ learners: { added: 1, known: 3 }, attempts: { added: 1, known: 4 }, responses: { added: 2, known: 10 } });
    const adaHere = await main.db.selectFrom("hall_learners").select("user_id").where("hall_user_id", "=", ada.id).executeTakeFirstOrThrow();
    const post = await main.db.selectFrom("quiz_attempts").select(["finished_at", "score"]).where("user_id", "=", adaHere.user_id).where("lesson_id", "=", "assessment-post").executeTakeFirstOrThrow();
    expect(post).toMatchObject({ finished_at: "2026-11-01T13:00:00.000Z" });
    expect(Number(post.score)).toBe(1);
  });

  it("refuses a hall group already imported into another group, and a group of another course, writing nothing", async () => {
    const before = await snapshot(main);
    await expect(importHallGroup(main, lead, otherGroup, first, true)).rejects.toMatchObject({ code: "conflict", key: "hall.otherGroup" });
    const otherCourse = { ...first, group: { ...first.group, id: crypto.randomUUID(), courseId: "another-course" } };
    otherCourse.completions = otherCourse.completions.map((c) => ({ ...c, courseId: "another-course" }));
    otherCourse.attempts = otherCourse.attempts.map((c) => ({ ...c, courseId: "another-course" }));
    otherCourse.arms = otherCourse.arms.map((c) => ({ ...c, courseId: "another-course" }));
    await expect(importHallGroup(main, lead, otherGroup, otherCourse, true)).rejects.toMatchObject({ code: "conflict", key: "hall.otherCourse" });
    expect(await snapshot(main)).toEqual(before);
  });

  it("refuses a file that is not a hall export, or was edited, writing nothing", async () => {
    const before = await snapshot(main);
    const fresh = { ...first, group: { ...first.group, id: crypto.randomUUID() } };
    const bad: unknown[] = [
      null,
      "hello",
      { ...fresh, version: 2 },
      { ...fresh, format: "something-else" },
      { ...fresh, extra: true },
      { ...fresh, learners: [...fresh.learners, fresh.learners[0]] },
      // An answer moved to another learner's attempt.
      { ...fresh, responses: [{ ...fresh.responses[0], userId: fresh.learners.find((l) => l.id !== fresh.responses[0].userId)!.id }] },
      { ...fresh, learners: [{ ...fresh.learners[0], displayName: "Ada\u202Eevil" }] },
    ];
    for (const file of bad) await expect(importHallGroup(main, lead, otherGroup, file, true)).rejects.toMatchObject({ code: "bad_request", key: "hall.badFile" });
    expect(await snapshot(main)).toEqual(before);
  });

  it("refuses a file whose ids belong to someone else here, as a whole", async () => {
    // Someone on the main server already has an attempt with one of the file's ids.
    const taken = { ...first, group: { ...first.group, id: crypto.randomUUID() } };
    const mine = taken.attempts[0];
    await main.db
      .insertInto("quiz_attempts")
      .values({ id: mine.id, user_id: learnerOnMain.id, course_id: course, lesson_id: mine.lessonId, quiz_id: mine.quizId, started_at: mine.startedAt, finished_at: null, score: null, source: "app", locale: "en" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const before = await snapshot(main);
    await expect(importHallGroup(main, lead, otherGroup, taken, true)).rejects.toMatchObject({ code: "conflict", key: "hall.idTaken" });
    expect(await snapshot(main)).toEqual(before);
  });
});
