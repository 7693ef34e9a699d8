// Roster imports on both engines: a first import, the same roster again (nothing changes), an
// update, "tobedeleted", bad rows (nothing imported), and the boundaries between facilitators.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { authenticate, createAccount, type SessionUser } from "@/lib/auth/accounts";
import { getTrack } from "@/lib/content";
import { testEngines } from "@/lib/testing/db";
import { applyRoster, previewRoster, type RosterInput } from "./import";

const PASSWORD = "river lamp orchard";
const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(",")).join("\r\n")}\r\n`;

const CLASSES = [["sourcedId", "status", "dateLastModified", "title", "classType", "schoolSourcedId"], ["c1", "", "", "Year 9, Citizenship", "scheduled", "s1"], ["c2", "", "", "Year 10 Safeguarding", "scheduled", "s1"]];
const USERS = [
  ["sourcedId", "status", "dateLastModified", "enabledUser", "username", "givenName", "familyName", "email", "birthDate"],
  ["u1", "", "", "true", "amira.k", "Amira", "Khan", "amira@school.example", "2011-02-03"],
  ["u2", "", "", "true", "ben.o", "Ben", "O'Neil", "", ""],
  ["u3", "", "", "true", "chloé.d", "Chloé", "Durand", "", ""],
  ["t1", "", "", "true", "teacher", "Tess", "Teacher", "tess@school.example", ""],
  ["t2", "", "", "true", "teacher2", "No", "Mail", "", ""],
];
const ENROLLMENTS = [
  ["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary"],
  ["e1", "", "", "c1", "s1", "u1", "student", "false"],
  ["e2", "", "", "c1", "s1", "u2", "student", "false"],
  ["e3", "", "", "c2", "s1", "u2", "student", "false"],
  ["e4", "", "", "c2", "s1", "u3", "student", "false"],
  ["e5", "", "", "c1", "s1", "t1", "teacher", "true"],
  ["e6", "", "", "c2", "s1", "t2", "teacher", "true"],
  ["e7", "", "", "c1", "s1", "u3", "aide", "false"],
];
const roster = (over: Partial<Record<"classes" | "users" | "enrollments", string[][]>> = {}): RosterInput => ({
  classes: csv(over.classes ?? CLASSES),
  users: csv(over.users ?? USERS),
  enrollments: csv(over.enrollments ?? ENROLLMENTS),
  locale: "en",
  trackId: "school",
});

describe.each(testEngines())("roster import on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  let other: SessionUser;
  let learner: SessionUser;

  const groupsOf = async (owner: SessionUser) =>
    handle.db.selectFrom("cohorts").select(["id", "name", "kind", "archived_at"]).where("owner_id", "=", owner.id).orderBy("name").execute();
  const membersOf = async (cohortId: string) =>
    (await handle.db.selectFrom("cohort_members as m").innerJoin("users as u", "u.id", "m.user_id").select(["u.display_name", "m.pseudonymous"]).where("m.cohort_id", "=", cohortId).execute())
      .map((r) => r.display_name)
      .sort();
  const counts = async () => ({
    users: (await handle.db.selectFrom("users").select("id").execute()).length,
    members: (await handle.db.selectFrom("cohort_members").select("user_id").execute()).length,
    cohorts: (await handle.db.selectFrom("cohorts").select("id").execute()).length,
    invitations: (await handle.db.selectFrom("cohort_invitations").select("id").execute()).length,
  });

  beforeAll(async () => {
    // The content loads once per process (a few seconds): not inside the first test's time.
    getTrack("en", "school");
    ({ handle, cleanup } = await engine.open());
    lead = await createAccount(handle, { email: "lead@example.org", displayName: "Lead", password: PASSWORD, role: "facilitator" });
    other = await createAccount(handle, { email: "other@example.org", displayName: "Other", password: PASSWORD, role: "facilitator" });
    learner = await createAccount(handle, { email: "learner@example.org", displayName: "Ada", password: PASSWORD });
  }, 60_000);
  afterAll(async () => cleanup());

  it("is for facilitators only", async () => {
    await expect(previewRoster(handle, learner, roster())).rejects.toMatchObject({ code: "forbidden" });
    await expect(applyRoster(handle, learner, roster())).rejects.toMatchObject({ code: "forbidden" });
  });

  it("previews without writing, then creates a group per class with nickname learners", async () => {
    const before = await counts();
    const preview = await previewRoster(handle, lead, roster());
    expect(preview).toMatchObject({ newLearners: 3, renamed: 0, unchanged: false, errors: [] });
    expect(preview.classes).toEqual([
      { sourcedId: "c1", title: "Year 9, Citizenship", action: "create", add: 2, remove: 0, invite: 1 },
      { sourcedId: "c2", title: "Year 10 Safeguarding", action: "create", add: 2, remove: 0, invite: 0 },
    ]);
    expect(preview.warnings.map((w) => w.key).sort()).toEqual(["otherRole", "teacherNoEmail"]);
    expect(await counts()).toEqual(before);

    const result = await applyRoster(handle, lead, roster());
    expect(result.newLearners.map((l) => [l.nickname, l.group])).toEqual([
      ["Amira K.", "Year 9, Citizenship"],
      ["Ben O.", "Year 9, Citizenship"],
      ["Chloé D.", "Year 10 Safeguarding"],
    ]);
    const groups = await groupsOf(lead);
    expect(groups.map((g) => [g.name, g.kind])).toEqual([["Year 10 Safeguarding", "class"], ["Year 9, Citizenship", "class"]]);
    expect(await membersOf(groups[1].id)).toEqual(["Amira K.", "Ben O."]);
    expect(await membersOf(groups[0].id)).toEqual(["Ben O.", "Chloé D."]);
    // Minimal data: no email, no username, no birth date; the passphrase only as a hash.
    const amira = await handle.db.selectFrom("users").selectAll().where("display_name", "=", "Amira K.").executeTakeFirstOrThrow();
    expect(amira).toMatchObject({ email: null, role: "learner" });
    expect(JSON.stringify(amira)).not.toMatch(/amira\.k|school\.example|2011/);
    expect(amira.login_name).toMatch(/^amira-k-\d{4}$/);
    const signIn = await authenticate(handle, amira.login_name!, result.newLearners[0].passphrase, null);
    expect(signIn.ok).toBe(true);
    // Ben is in both classes; his account belongs with the first (deleting the other group keeps it).
    const ben = await handle.db.selectFrom("cohort_members as m").innerJoin("users as u", "u.id", "m.user_id").innerJoin("cohorts as c", "c.id", "m.cohort_id").select(["c.name", "m.pseudonymous"]).where("u.display_name", "=", "Ben O.").orderBy("c.name").execute();
    expect(ben.map((m) => [m.name, Number(m.pseudonymous)])).toEqual([["Year 10 Safeguarding", 0], ["Year 9, Citizenship", 1]]);
    // The teacher with an email is invited (a hash and a hint only); the importer is not.
    const invitations = await handle.db.selectFrom("cohort_invitations").selectAll().execute();
    expect(invitations).toHaveLength(1);
    expect(JSON.stringify(invitations)).not.toContain("tess@school.example");
  });

  it("changes nothing when the same roster comes again", async () => {
    const before = await counts();
    const preview = await previewRoster(handle, lead, roster());
    expect(preview).toMatchObject({ newLearners: 0, renamed: 0, unchanged: true, errors: [] });
    const result = await applyRoster(handle, lead, roster());
    expect(result).toMatchObject({ newLearners: [], added: 0, removed: 0 });
    expect(await counts()).toEqual(before);
  });

  it("updates: a renamed class, a renamed student, a new student, a delta enrolment into a known class", async () => {
    const classes = [CLASSES[0], ["c1", "active", "2026-12-01", "Year 9 Citizenship (new room)", "scheduled", "s1"]];
    const users = [...USERS.slice(0, 2), ["u2", "", "", "true", "ben.o", "Benjamin", "O'Neil", "", ""], ["u4", "", "", "true", "d", "Dara", "", "", ""]].filter((r, i) => i !== 2 || r[0] !== "u2" || r[5] !== "Ben");
    const enrollments = [ENROLLMENTS[0], ["e8", "active", "", "c2", "s1", "u4", "student", "false"]];
    const preview = await previewRoster(handle, lead, roster({ classes, users, enrollments }));
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ newLearners: 1, renamed: 1 });
    expect(preview.classes.map((c) => [c.sourcedId, c.action, c.add])).toEqual([["c1", "update", 0], ["c2", "unchanged", 1]]);
    const result = await applyRoster(handle, lead, roster({ classes, users, enrollments }));
    expect(result.newLearners.map((l) => l.nickname)).toEqual(["Dara"]);
    const groups = await groupsOf(lead);
    expect(groups.map((g) => g.name)).toEqual(["Year 10 Safeguarding", "Year 9 Citizenship (new room)"]);
    expect(await membersOf(groups[0].id)).toEqual(["Benjamin O.", "Chloé D.", "Dara"]);
  });

  it("takes a student out on \"tobedeleted\", and archives a class marked so", async () => {
    const enrollments = [ENROLLMENTS[0], ["e3", "tobedeleted", "2026-12-02", "c2", "s1", "u2", "student", "false"]];
    const users = [USERS[0], ["u3", "tobedeleted", "2026-12-02", "true", "", "Chloé", "Durand", "", ""]];
    const result = await applyRoster(handle, lead, roster({ classes: [CLASSES[0]], users, enrollments }));
    expect(result).toMatchObject({ added: 0, removed: 2 });
    const groups = await groupsOf(lead);
    expect(await membersOf(groups[0].id)).toEqual(["Dara"]);
    // The account stays (it may be in other groups); leaving a group removes the membership only.
    expect(await handle.db.selectFrom("users").select("id").where("display_name", "=", "Chloé D.").executeTakeFirst()).toBeDefined();

    await applyRoster(handle, lead, roster({ classes: [CLASSES[0], ["c2", "tobedeleted", "", "", "", ""]], users: [USERS[0]], enrollments: [ENROLLMENTS[0]] }));
    expect((await groupsOf(lead)).find((g) => g.name === "Year 10 Safeguarding")?.archived_at).toBeTruthy();
  });

  it("imports nothing when any row has a problem, and names each by file and line", async () => {
    const before = await counts();
    const bad = roster({
      classes: [...CLASSES, ["c3", "", "", "Year 11", "", ""], ["c3", "", "", "Dup", "", ""]],
      users: [...USERS, ["u9", "maybe", "", "", "", "", "X", "", ""]],
      enrollments: [...ENROLLMENTS, ["e9", "", "", "c3", "s1", "u1", "student", ""], ["e10", "", "", "nope", "s1", "u1", "student", ""], ["e11", "", "", "c1", "s1", "ghost", "student", ""]],
    });
    const preview = await previewRoster(handle, lead, bad);
    expect(preview.errors.map((e) => [e.file, e.line, e.key])).toEqual([
      ["classes", 5, "duplicateId"],
      ["users", 7, "badStatus"],
      ["users", 7, "missingValue"],
      ["enrollments", 10, "unknownClass"],
      ["enrollments", 11, "unknownUser"],
    ]);
    await expect(applyRoster(handle, lead, bad)).rejects.toMatchObject({ code: "bad_request", key: "rosters.hasProblems" });
    expect(await counts()).toEqual(before);
    // Broken CSV and missing columns are problems too.
    const broken = await previewRoster(handle, lead, { ...roster(), users: 'sourcedId,givenName\n"u1,Amira\n', enrollments: "sourcedId,classSourcedId\n" });
    expect(broken.errors.map((e) => [e.file, e.key])).toEqual([["users", "csvUnclosed"], ["enrollments", "missingColumn"], ["enrollments", "missingColumn"]]);
  });

  it("keeps one facilitator's roster apart from another's", async () => {
    const before = (await groupsOf(lead)).length;
    const preview = await previewRoster(handle, other, roster());
    // The same roster ids mean nothing to another facilitator: new groups and accounts of their own.
    expect(preview.classes.map((c) => c.action)).toEqual(["create", "create"]);
    expect(preview.newLearners).toBe(3);
    await applyRoster(handle, other, roster());
    expect((await groupsOf(lead)).length).toBe(before);
    expect((await groupsOf(other)).length).toBe(2);
  });
});
