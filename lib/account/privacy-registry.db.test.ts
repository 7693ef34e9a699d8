// The privacy registry against the migrated schema, on both engines: every column that points at a
// person is declared (a link, an identifying column, or an exemption with its reason), and a person
// with rows in every declared table gets all of them in their export and none left after deletion,
// while another person's rows stay.
import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { recordFailure, throttleKeyFor, trustDevice } from "@/lib/auth/throttle";
import { submitAttitudes } from "@/lib/attitudes/mutations";
import { MECHANISM } from "@/lib/attitudes/randomised-response";
import { acceptInvitation, myInvitations } from "@/lib/cohorts/invitations";
import { createCohort, deleteCohort, joinCohort, joinWithNickname } from "@/lib/cohorts/mutations";
import { getAttitudeItems, getCourses, getQuiz } from "@/lib/content";
import { armsFor } from "@/lib/experiments/arms";
import { finishAttempt, recordAnswer } from "@/lib/progress/answers";
import { completeLesson } from "@/lib/progress/completions";
import { testEngines } from "@/lib/testing/db";
import { controlLiveSession, createLiveSession, joinLiveSession, submitLiveAnswer } from "@/lib/live/store";
import { UNKNOWN_CLIENT } from "@/lib/ratelimit/client";
import { setUpLrs } from "@/lib/xapi/testing/settings";
import { awardAttendance } from "@/lib/certificates/attendance";
import { deleteMyAccount } from "./delete";
import { exportMyData } from "./export";
import { PRIVACY_EXEMPT, PRIVACY_REGISTRY, type Subject } from "./privacy-registry";
import { seedLtiRows } from "@/lib/testing/lti-fixture";

process.env.LOG_SILENT = "1";

const PASSWORD = "river lamp orchard";
const course = getCourses("en")[0];
const lessonRef = course.modules[0].lessons[0];
const quiz = getQuiz("en", course.id, lessonRef.quizId!)!;
const ref = { locale: "en", courseId: course.id, lessonId: lessonRef.id };

/**
 * Column names that say "this is a person", from the schema as it is (user_id, owner_id,
 * email, email_hash, email_hint, account_hash, login_name) and the names a new table would
 * likely use (learner_id, facilitator_id, invited_by, created_by, reviewer_user_id ...). A column
 * with a foreign key to users counts too, whatever its name.
 */
const PERSON_COLUMN = [
  /(^|_)user_id$/,
  /^(owner|learner|facilitator|member|author|actor|creator|inviter|invitee|student|teacher|participant|reviewer|assignee)(_id)?$/,
  /_by$/,
  /(^|_)email(_|$)/,
  /^account(_|$)/,
  /^login_name$/,
];

interface SchemaColumn {
  table: string;
  column: string;
  /** It has a foreign key to users. */
  toUsers: boolean;
}

/** Every column of the app's tables (not the migrator's), with whether it references users. */
async function schemaColumns(handle: Db): Promise<SchemaColumn[]> {
  if (handle.kind === "sqlite") {
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(handle.db);
    const out: SchemaColumn[] = [];
    for (const { name } of tables.rows) {
      const columns = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(handle.db);
      const keys = await sql<{ from: string; table: string }>`select "from", "table" from pragma_foreign_key_list(${name})`.execute(handle.db);
      for (const c of columns.rows) out.push({ table: name, column: c.name, toUsers: keys.rows.some((k) => k.from === c.name && k.table === "users") });
    }
    return out;
  }
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and table_name not like 'kysely%'
  `.execute(handle.db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    select c.conrelid::regclass::text as table_name, a.attname as column_name
    from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and c.connamespace = current_schema()::regnamespace and c.confrelid = 'users'::regclass
  `.execute(handle.db);
  return columns.rows.map((c) => ({
    table: c.table_name,
    column: c.column_name,
    toUsers: keys.rows.some((k) => k.table_name === c.table_name && k.column_name === c.column_name),
  }));
}

/** "table.column" of each column that points at a person and is declared nowhere. */
function undeclared(columns: SchemaColumn[]): string[] {
  const declared = new Set([
    ...PRIVACY_REGISTRY.flatMap((e) => [...e.links, ...e.identifies].map((c) => `${e.table}.${c}`)),
    ...PRIVACY_EXEMPT.map((x) => `${x.table}.${x.column}`),
  ]);
  return columns
    .filter((c) => c.toUsers || PERSON_COLUMN.some((p) => p.test(c.column)))
    .map((c) => `${c.table}.${c.column}`)
    .filter((name) => !declared.has(name))
    .sort();
}

describe.each(testEngines())("privacy registry on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
  });
  afterAll(async () => cleanup());

  it("declares every column that points at a person", async () => {
    const missing = undeclared(await schemaColumns(handle));
    expect(missing, "declare these in lib/account/privacy-registry.ts (or exempt them there, with the reason)").toEqual([]);
  });

  it("notices an undeclared column, by its name or by its foreign key", async () => {
    await sql`create table notes (id text primary key, author_id text, reviewed_by text, about text references users (id), body text)`.execute(handle.db);
    try {
      expect(undeclared(await schemaColumns(handle))).toEqual(["notes.about", "notes.author_id", "notes.reviewed_by"]);
    } finally {
      await sql`drop table notes`.execute(handle.db);
    }
  });

  it("declares only columns that exist, and says for each table what it holds and why it goes", async () => {
    const existing = (await schemaColumns(handle)).map((c) => `${c.table}.${c.column}`);
    for (const entry of PRIVACY_REGISTRY) {
      for (const c of [...entry.links, ...entry.identifies]) expect(existing, `${entry.table}.${c}`).toContain(`${entry.table}.${c}`);
      expect(entry.holds.length, entry.table).toBeGreaterThan(10);
      expect(entry.erase.why.length, entry.table).toBeGreaterThan(10);
    }
    for (const x of PRIVACY_EXEMPT) expect(existing, `${x.table}.${x.column}`).toContain(`${x.table}.${x.column}`);
    expect(new Set(PRIVACY_REGISTRY.map((e) => e.exportAs)).size).toBe(PRIVACY_REGISTRY.length);
  });

  describe("a facilitator with rows in every declared table", () => {
    let olga: SessionUser;
    const people = {} as Record<"erin" | "frank", { user: SessionUser; who: Subject; ownGroup: string }>;
    let classGroup: string;

    /** Rows of this person in each declared table, by table. */
    const counts = async (who: Subject) => Object.fromEntries(await Promise.all(PRIVACY_REGISTRY.map(async (e) => [e.table, await e.count(handle.db, who)] as const)));

    beforeAll(async () => {
      // An LRS is set up, so answers and completions leave learning records (lib/xapi).
      await setUpLrs(handle);
      olga = await createAccount(handle, { email: `olga-${engine.name}@example.org`, displayName: "Olga", password: PASSWORD, role: "facilitator" });
      const emails = ["erin", "frank"].map((n) => `${n}-${engine.name}@example.org`);
      const options = { kind: "workshop" as const, locale: "en", trackId: "workshop" };
      // Olga invites both to help run one group (they accept) and another (left pending), and runs a class they join.
      await createCohort(handle, olga, { ...options, name: "Helpers", coFacilitatorEmails: emails });
      const classJoin = await createCohort(handle, olga, { ...options, name: "Class", coFacilitatorEmails: [] });
      classGroup = classJoin.id;
      // A live session of the class, on one of its lesson's questions, that both join and answer.
      const live = await createLiveSession(handle, olga, { cohortId: classJoin.id });
      const liveQuestion = quiz.questions.find((q) => !quiz.biasPairs?.some((p) => p.versions.includes(q.id)) && q.type !== "discern")!;
      await controlLiveSession(handle, olga, live.id, { type: "add", step: { kind: "question", lesson: lessonRef.id, question: liveQuestion.id } });
      for (const name of ["erin", "frank"] as const) {
        const email = `${name}-${engine.name}@example.org`;
        const user = await createAccount(handle, { email, displayName: name, password: PASSWORD, role: "facilitator" });
        const [helpers] = await myInvitations(handle, user);
        await acceptInvitation(handle, user, helpers.id);
        const own = await createCohort(handle, user, { ...options, name: `${name}'s group`, coFacilitatorEmails: [] });
        await joinCohort(handle, user, classJoin.joinCode);
        await joinLiveSession(handle, { user }, { code: live.code }, UNKNOWN_CLIENT);
        await submitLiveAnswer(handle, { user }, live.id, { id: crypto.randomUUID(), round: `question:${lessonRef.id}/question/${liveQuestion.id}`, chosen: liveQuestion.correct });
        await createLiveSession(handle, user, { locale: "en", courseId: course.id });
        await submitAttitudes(handle, user, {
          courseId: course.id,
          form: "pre",
          mechanism: MECHANISM,
          submissionId: crypto.randomUUID(),
          answers: getAttitudeItems("en", course.id).map((i) => ({ itemId: i.id, value: 3 })),
        });
        await armsFor(handle, user, "en", course.id);
        // As if their records had been brought over from a hall laptop (lib/hall/import.ts).
        await handle.db.insertInto("hall_learners").values({ cohort_id: classJoin.id, hall_user_id: crypto.randomUUID(), user_id: user.id }).execute();
        await completeLesson(handle, user, ref);
        const attemptId = crypto.randomUUID();
        for (const q of quiz.questions.slice(0, 2)) await recordAnswer(handle, user, { id: crypto.randomUUID(), attemptId, ...ref, questionId: q.id, chosen: q.correct });
        await finishAttempt(handle, user, attemptId, "en");
        // A wrong password on their own phone: its bucket, which the deletion's own check (from an
        // unknown browser here) neither uses nor clears.
        await trustDevice(handle, email, `${name}-phone`);
        await recordFailure(handle, await throttleKeyFor(handle, email, `${name}-phone`));
        // Their own group came from a school roster, with one student (the links lib/rosters/import.ts writes).
        const student = await joinWithNickname(handle, { code: own.joinCode, nickname: `${name} student` });
        const at = new Date().toISOString();
        await handle.db.insertInto("roster_classes").values({ owner_id: user.id, source_id: "class-1", cohort_id: own.id, imported_at: at }).execute();
        await handle.db.insertInto("roster_learners").values({ owner_id: user.id, source_id: "student-1", user_id: student.userId, imported_at: at }).execute();
        await seedLtiRows(handle, user.id, name);
        people[name] = { user, who: { id: user.id, email, loginName: null }, ownGroup: own.id };
      }
      // Olga gives both an attendance certificate for the class's workshop (an award not yet issued).
      await awardAttendance(handle, olga, classJoin.id, { date: "2026-11-03", members: [people.erin.user.id, people.frank.user.id] });
      await createCohort(handle, olga, { ...options, name: "Pending", coFacilitatorEmails: emails });
    });

    it("has rows in every declared table (a table declared later is seeded here too)", async () => {
      const seeded = await counts(people.erin.who);
      for (const entry of PRIVACY_REGISTRY) expect(seeded[entry.table], entry.table).toBeGreaterThan(0);
    });

    it("exports every declared table's rows, with what each holds, and nothing of anyone else", async () => {
      const { user, who } = people.erin;
      const data = (await exportMyData(handle, user)) as unknown as Record<string, unknown> & { about: Record<string, string> };
      for (const entry of PRIVACY_REGISTRY) {
        const rows = await entry.count(handle.db, who);
        const section = data[entry.exportAs];
        if (entry.single) expect(section, entry.exportAs).toMatchObject({ id: user.id });
        else expect(section, entry.exportAs).toHaveLength(rows);
        expect(data.about[entry.exportAs], entry.exportAs).toBe(entry.holds);
      }
      const text = JSON.stringify(data);
      expect(text).not.toContain(people.frank.user.id);
      expect(text).not.toContain("argon2");
      expect(data).toMatchObject({ groupsYouHelpRun: [{ group: "Helpers" }], invitationsToYou: [{ group: "Pending" }], groupsJoined: [{ group: "Class", pseudonymous: false }] });
    });

    it("refuses while they run a group, then deletes every row of theirs and nobody else's", async () => {
      const { user, who, ownGroup } = people.erin;
      const before = await counts(who);
      const frank = await counts(people.frank.who);
      const anonymous = async () => Number((await handle.db.selectFrom("attitude_answers").select((eb) => eb.fn.countAll<number>().as("n")).where("cohort_id", "=", classGroup).executeTakeFirstOrThrow()).n);
      const views = await anonymous();

      await expect(deleteMyAccount(handle, user, PASSWORD)).rejects.toMatchObject({ code: "conflict", key: "account.runsGroups", args: { groups: 1 } });
      expect(await counts(who)).toEqual(before);

      await deleteCohort(handle, user, ownGroup);
      await deleteMyAccount(handle, user, PASSWORD);
      for (const [table, n] of Object.entries(await counts(who))) expect(n, table).toBe(0);
      expect(await counts(people.frank.who)).toEqual(frank);
      // The anonymous views stay in the class's totals; the groups Olga runs stay hers.
      expect(await anonymous()).toBe(views);
      expect(await handle.db.selectFrom("cohorts").select("name").where("owner_id", "=", olga.id).orderBy("name").execute()).toEqual([{ name: "Class" }, { name: "Helpers" }, { name: "Pending" }]);
    });
  });

  it("finds a nickname account's sign-in rows by its login name, and deletes them with it", async () => {
    const lead = await createAccount(handle, { email: `lead-${engine.name}@example.org`, displayName: "Lead", password: PASSWORD, role: "facilitator" });
    const { joinCode } = await createCohort(handle, lead, { name: "Hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    const joined = await joinWithNickname(handle, { code: joinCode, nickname: "Sam" });
    const sam: SessionUser = { id: joined.userId, role: "learner", displayName: "Sam" };
    const who: Subject = { id: sam.id, email: null, loginName: joined.loginName };
    await recordFailure(handle, await throttleKeyFor(handle, joined.loginName, null));

    const data = await exportMyData(handle, sam);
    expect(data.account).toMatchObject({ id: sam.id, email: null, login_name: joined.loginName });
    expect(data.signInFailures).toEqual([expect.objectContaining({ failures: 1 })]);
    expect(data.groupsJoined).toEqual([expect.objectContaining({ group: "Hall", pseudonymous: true })]);
    expect(data.invitationsToYou).toEqual([]);

    await deleteMyAccount(handle, sam, joined.passphrase);
    for (const entry of PRIVACY_REGISTRY) expect(await entry.count(handle.db, who), entry.table).toBe(0);
  });
});
