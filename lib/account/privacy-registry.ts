// Every table that holds something about a person, declared once: how a row is found to be theirs,
// what it is (for the reader of their export), and what deleting their account does to it. The
// export (export.ts) and the deletion (delete.ts) both walk this list and nothing else, and
// privacy-registry.db.test.ts fails when the migrated schema has a column that points at a person
// and is declared neither here nor in PRIVACY_EXEMPT (the way Moodle's privacy provider test works).
//
// Tables that name nobody are not listed: "Your views" answers and their batches (anonymous by
// construction, lib/attitudes: kept as group totals when a member leaves), assignments (a group's),
// revoked session ids (random, linked to no account, gone when the token would have expired).
import "server-only";
import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { accountHash } from "@/lib/auth/throttle";
import { invitationEmailHash } from "@/lib/cohorts/invitations";
import { storedKey } from "@/lib/ratelimit/limits";
import { forgetStatementsOf } from "@/lib/xapi/outbox";

/** The person an export or a deletion is about: what their rows can be found by. */
export interface Subject {
  id: string;
  email: string | null;
  loginName: string | null;
}

/** The name sign-in throttles an account by (lib/auth/throttle.ts): its email, or a nickname account's login name. */
export function signInName(who: Subject): string {
  return who.email ?? who.loginName ?? who.id;
}

type Table = keyof Database;
type Column<T extends Table> = keyof Database[T] & string;

/** A column that points at the person, and the value it holds for them (null: they can have no such row). */
interface Link<T extends Table> {
  column: Column<T>;
  value(who: Subject): string | null;
}

/** A column holding the account id. */
const byId = <C extends string>(column: C) => ({ column, value: (who: Subject): string | null => who.id });

export type Erasure =
  /** Their rows are deleted with the account. */
  | { action: "delete"; why: string }
  /** The account cannot be deleted while such rows exist: the person removes them first, on purpose. */
  | { action: "refuse"; why: string; refusal(rows: number): AppError };

/** One declared table, with the queries the export and the deletion run on it. */
export interface PrivacyEntry<As extends string = string, Out = unknown, Single extends boolean = boolean> {
  table: Table;
  /** Columns that point at the person; a row is theirs when any of them holds their value. */
  links: readonly string[];
  /** Other columns that name the person, in rows found by the links (they go with the row). */
  identifies: readonly string[];
  /** What the rows are, in a line, for the reader of the export. */
  holds: string;
  /** The key of these rows in the export. */
  exportAs: As;
  /** One row (the account), exported as an object rather than a list. */
  single: Single;
  erase: Erasure;
  /** The person's rows, as the export shows them. */
  exportRows(db: Kysely<Database>, who: Subject): Promise<Out[]>;
  count(db: Kysely<Database>, who: Subject): Promise<number>;
  remove(db: Kysely<Database>, who: Subject): Promise<void>;
}

interface Declaration<T extends Table, Row, Out, As extends string, Single extends boolean> {
  table: T;
  links: readonly Link<T>[];
  identifies?: readonly Column<T>[];
  holds: string;
  exportAs: As;
  single?: Single;
  /** The columns the export shows, from the person's rows (joins and order are up to the entry). */
  read(rows: SelectQueryBuilder<Database, T, object>): { execute(): Promise<Row[]> };
  /** Plain JSON from a row (numbers from either engine, parsed JSON, booleans). */
  shape?(row: Row): Out;
  erase: Erasure;
  /** Deletion, when it must do more than delete the person's rows (learning records void theirs). */
  remove?(db: Kysely<Database>, who: Subject): Promise<void>;
}

function declare<T extends Table, Row, As extends string, Out = Row, Single extends boolean = false>(d: Declaration<T, Row, Out, As, Single>): PrivacyEntry<As, Out, Single> {
  // Whose rows: any link holding this person's value. Column names come from this file only.
  const matches = (who: Subject) =>
    d.links.flatMap((l) => {
      const value = l.value(who);
      return value === null ? [] : [{ column: l.column, value }];
    });
  const theirs = (who: Subject, qualify: boolean) =>
    sql<boolean>`(${sql.join(
      matches(who).map((m) => sql`${sql.ref(qualify ? `${d.table}.${m.column}` : m.column)} = ${m.value}`),
      sql` or `,
    )})`;
  return {
    table: d.table,
    links: d.links.map((l) => l.column),
    identifies: d.identifies ?? [],
    holds: d.holds,
    exportAs: d.exportAs,
    single: (d.single ?? false) as Single,
    erase: d.erase,
    async exportRows(db, who) {
      if (matches(who).length === 0) return [];
      const from = db.selectFrom(d.table as Table).where(theirs(who, true)) as unknown as SelectQueryBuilder<Database, T, object>;
      const rows = await d.read(from).execute();
      return rows.map((r) => (d.shape ? d.shape(r) : (r as unknown as Out)));
    },
    async count(db, who) {
      if (matches(who).length === 0) return 0;
      const row = await db
        .selectFrom(d.table as Table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where(theirs(who, false))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async remove(db, who) {
      if (d.remove) return d.remove(db, who);
      if (matches(who).length === 0) return;
      await db.deleteFrom(d.table as Table).where(theirs(who, false)).execute();
    },
  };
}

const deleted = (why: string): Erasure => ({ action: "delete", why });
const num = (v: number | string) => Number(v);

/**
 * Parents before children: deletion walks the list backwards, so it never depends on the engine
 * enforcing cascades, and the account's own row goes last.
 */
export const PRIVACY_REGISTRY = [
  declare({
    table: "users",
    links: [byId("id")],
    identifies: ["email", "login_name"],
    holds: "Your account: its id, email or sign-in name, the name shown, its role, the language you chose and when it was made (never the password).",
    exportAs: "account",
    single: true,
    // Not shown: password_hash (it only checks a password and never leaves the server) and
    // session_version (a counter that ends old sessions).
    read: (rows) => rows.select(["id", "email", "display_name", "login_name", "role", "created_at", "suspended_at", "locale"]),
    erase: deleted("The account itself, after every row that points at it."),
  }),
  declare({
    table: "cohorts",
    links: [byId("owner_id")],
    holds: "The groups you run: their names, courses, join codes and dates.",
    exportAs: "groupsYouRun",
    read: (rows) => rows.select(["id", "name", "kind", "locale", "course_id", "track_id", "join_code", "created_at", "archived_at"]).orderBy("created_at").orderBy("id"),
    erase: {
      action: "refuse",
      // Deleting the owner would take the group with it: its members' group data and its
      // co-facilitators' access, and a suspended facilitator could erase groups admins must still
      // be able to read. So the owner deletes them first, on purpose, from "My groups".
      why: "A group holds other people's data; its owner deletes it on purpose, from My groups, before the account.",
      refusal: (groups) =>
        new AppError("conflict", "account.runsGroups", { groups }),
    },
  }),
  declare({
    table: "cohort_facilitators",
    links: [byId("user_id")],
    holds: "Groups you help run, invited by their owner.",
    exportAs: "groupsYouHelpRun",
    read: (rows) => rows.innerJoin("cohorts as c", "c.id", "cohort_facilitators.cohort_id").select(["cohort_facilitators.cohort_id", "c.name as group"]).orderBy("c.name"),
    erase: deleted("Your access to someone else's group; the group stays with its owner."),
  }),
  declare({
    table: "cohort_invitations",
    // An invitation names no account, only a hash of the invited email: it is theirs when that
    // email is the account's. Nickname accounts have no email, so no invitations.
    links: [{ column: "email_hash", value: (who) => (who.email ? invitationEmailHash(who.email) : null) }],
    identifies: ["email_hint"],
    holds: "Invitations to help run a group, sent to your email and not yet answered.",
    exportAs: "invitationsToYou",
    read: (rows) =>
      rows
        .innerJoin("cohorts as c", "c.id", "cohort_invitations.cohort_id")
        .select(["cohort_invitations.cohort_id", "c.name as group", "cohort_invitations.email_hint", "cohort_invitations.created_at", "cohort_invitations.expires_at"])
        .orderBy("cohort_invitations.created_at"),
    erase: deleted("An invitation is addressed to the email; it goes with the account that email belongs to."),
  }),
  declare({
    table: "cohort_members",
    links: [byId("user_id")],
    holds: "Groups you joined with a code, and when.",
    exportAs: "groupsJoined",
    read: (rows) =>
      rows
        .innerJoin("cohorts as c", "c.id", "cohort_members.cohort_id")
        .select(["cohort_members.cohort_id", "c.name as group", "cohort_members.joined_at", "cohort_members.pseudonymous"])
        .orderBy("cohort_members.joined_at"),
    shape: (r) => ({ ...r, pseudonymous: Boolean(num(r.pseudonymous)) }),
    erase: deleted("Your membership; the group and its other members stay."),
  }),
  declare({
    table: "roster_classes",
    links: [byId("owner_id")],
    holds: "Classes you imported from a school roster: each class's roster id and the group it became.",
    exportAs: "rosterClassesImported",
    read: (rows) =>
      rows
        .innerJoin("cohorts as c", "c.id", "roster_classes.cohort_id")
        .select(["roster_classes.source_id", "roster_classes.cohort_id", "c.name as group", "roster_classes.imported_at"])
        .orderBy("roster_classes.imported_at")
        .orderBy("roster_classes.source_id"),
    erase: deleted("The link between a roster class and your group; the group itself goes only when you delete it."),
  }),
  declare({
    table: "roster_learners",
    // Theirs twice over: the learner the roster id stands for, and the facilitator who imported it.
    links: [byId("user_id"), byId("owner_id")],
    holds: "School roster ids: which learner account a student's roster id stands for, and who imported it.",
    exportAs: "rosterIds",
    // The roster id and when; not the account ids, which would name the other side to each.
    read: (rows) => rows.select(["roster_learners.source_id", "roster_learners.imported_at"]).orderBy("roster_learners.imported_at").orderBy("roster_learners.source_id"),
    erase: deleted("The roster id's link to the account; importing the roster again would make a new account."),
  }),
  declare({
    table: "lesson_completions",
    links: [byId("user_id")],
    holds: "Lessons you marked done, when, and in which language.",
    exportAs: "lessonCompletions",
    read: (rows) => rows.select(["course_id", "lesson_id", "completed_at", "locale"]).orderBy("completed_at"),
    erase: deleted("Your progress; it is about you alone."),
  }),
  declare({
    table: "quiz_attempts",
    links: [byId("user_id")],
    holds: "Each time you took a quiz or check: when, your score, the version of its questions and the language you took it in.",
    exportAs: "quizAttempts",
    // answer_summary is not shown: it repeats the attempt's answers in quizResponses.
    read: (rows) => rows.select(["id", "course_id", "lesson_id", "quiz_id", "started_at", "finished_at", "score", "source", "content_version", "locale"]).orderBy("started_at"),
    shape: (a) => ({ ...a, score: a.score === null ? null : Number(a.score) }),
    erase: deleted("Your scores leave your groups' reports with you."),
  }),
  declare({
    table: "quiz_responses",
    links: [byId("user_id")],
    holds: "Every answer you gave: the options you chose, whether they were right, and the language you answered in.",
    exportAs: "quizResponses",
    read: (rows) => rows.select(["id", "attempt_id", "question_id", "skill", "chosen", "points", "correct", "answered_at", "locale"]).orderBy("answered_at"),
    shape: (r) => ({ ...r, chosen: JSON.parse(r.chosen) as string[], points: Number(r.points), correct: Boolean(r.correct) }),
    erase: deleted("Your answers leave your groups' reports with you."),
  }),
  declare({
    table: "experiment_arms",
    links: [byId("user_id")],
    // Which check form came first and which version of each bias pair was shown (lib/experiments).
    holds: "Which form of each check you took first, and which version of paired questions you were shown.",
    exportAs: "experimentArms",
    read: (rows) => rows.select(["course_id", "experiment", "arm", "assigned_at"]).orderBy("assigned_at"),
    erase: deleted("Only about you; a group's balance is kept by the people still in it."),
  }),
  declare({
    table: "hall_learners",
    links: [byId("user_id")],
    // Set when a group's records were brought over from a hall laptop (lib/hall/import.ts).
    identifies: ["hall_user_id"],
    holds: "If your account was made when your group's answers were brought over from a hall laptop: the group, and the id you had on that laptop.",
    exportAs: "broughtFromHall",
    read: (rows) => rows.select(["cohort_id", "hall_user_id"]).orderBy("cohort_id"),
    erase: deleted("Only the link to the hall laptop's id; it goes with the account."),
  }),
  declare({
    table: "attitude_submissions",
    links: [byId("user_id")],
    // Only that views were shared; the answers are anonymous, so they cannot be found again.
    holds: "That you shared your views in a group. Your answers themselves are anonymous and cannot be found again.",
    exportAs: "viewsShared",
    read: (rows) =>
      rows
        .innerJoin("cohorts as c", "c.id", "attitude_submissions.cohort_id")
        .select(["c.name as group", "attitude_submissions.form as check"])
        .orderBy("c.name")
        .orderBy("attitude_submissions.form", "desc"),
    erase: deleted("Whether you answered goes; the anonymous answers stay in the group's totals, as nobody can tell them apart."),
  }),
  declare({
    table: "live_sessions",
    links: [byId("owner_id")],
    holds: "Live sessions you ran: their join codes, courses, running order and where they stopped, and an ad hoc session's totals.",
    exportAs: "liveSessionsYouRan",
    read: (rows) => rows.select(["id", "code", "cohort_id", "locale", "course_id", "track_id", "created_at", "ended_at", "totals"]).orderBy("created_at"),
    shape: (r) => ({ ...r, totals: r.totals === null ? null : (JSON.parse(r.totals) as unknown) }),
    // A group session's answers are also each member's own (quiz_responses), so they stay in the
    // group's reports; an ad hoc session holds only nicknames, or totals once ended.
    erase: deleted("Sessions you ran go with you, with the nicknames and answers given in them; group members keep their own answers."),
  }),
  declare({
    table: "live_participants",
    links: [byId("user_id")],
    identifies: ["nickname"],
    holds: "Live sessions you joined with your account, and when.",
    exportAs: "liveSessionsJoined",
    read: (rows) => rows.select(["session_id", "joined_at", "seen_at"]).orderBy("joined_at"),
    erase: deleted("Your place in a session; the session stays with whoever ran it."),
  }),
  declare({
    table: "live_answers",
    links: [byId("user_id")],
    // The participant row is the same person's (live_participants.user_id); nickname joiners have no account.
    identifies: ["participant_id"],
    holds: "Your answers and votes in live sessions: the step, and the options you chose.",
    exportAs: "liveAnswers",
    read: (rows) => rows.select(["id", "session_id", "round", "choice", "answered_at"]).orderBy("answered_at"),
    shape: (r) => ({ ...r, choice: JSON.parse(r.choice) as string[] }),
    erase: deleted("Your answers leave the session's tallies with you."),
  }),
  declare({
    table: "xapi_outbox",
    links: [byId("user_id")],
    // The statement names the learner by a pseudonym only (lib/xapi/crypto.ts), never this id.
    holds: "Learning records made from your answers and progress for your organisation's learning record store (LRS), if it has one: what each says, and whether it was sent.",
    exportAs: "learningRecords",
    read: (rows) => rows.select(["id", "status", "created_at", "sent_at", "statement"]).orderBy("created_at").orderBy("id"),
    shape: (r) => ({ id: r.id, status: r.status, createdAt: r.created_at, sentAt: r.sent_at, statement: JSON.parse(r.statement) as unknown }),
    // Statements in an LRS cannot be deleted from here: each one sent is voided (docs/xapi.md).
    erase: deleted("Records not yet sent are deleted; each one already sent to the LRS is withdrawn there by a voiding statement."),
    remove: (db, who) => forgetStatementsOf(db, who.id),
  }),
  declare({
    table: "credentials",
    links: [byId("user_id")],
    identifies: ["printed_name"],
    holds: "Your certificates: what each says you achieved, the name printed on it, when it was issued or withdrawn, and the signed credential itself. Awards a facilitator gave you and you have not issued yet are here too.",
    exportAs: "credentials",
    read: (rows) =>
      rows
        .select(["id", "kind", "course_id", "group_name", "session_date", "locale", "printed_name", "created_at", "issued_at", "revoked_at", "jwt"])
        .orderBy("created_at")
        .orderBy("id"),
    // The status list keeps the credential's position (credential_status: an id and a number, nothing
    // about the person), and a position whose credential is gone counts as revoked: a copy kept
    // anywhere then verifies as withdrawn (lib/certificates, docs/deploy.md).
    erase: deleted("Your certificates are withdrawn with your account: a copy kept anywhere then checks as withdrawn, and nothing about you stays behind."),
  }),
  declare({
    table: "lti_users",
    links: [byId("user_id")],
    // The LMS's opaque id for the person (its "sub"): how a launch finds this account again.
    identifies: ["sub"],
    holds: "The school learning platform (LMS) you arrived from, and the id it gave you there (no name or email).",
    exportAs: "lmsAccount",
    read: (rows) => rows.innerJoin("lti_platforms as p", "p.id", "lti_users.platform_id").select(["p.name as platform", "lti_users.sub", "lti_users.created_at"]).orderBy("lti_users.created_at"),
    erase: deleted("The link to the LMS goes; launching from it again makes a new, empty account."),
  }),
  declare({
    table: "lti_context_members",
    links: [byId("user_id")],
    holds: "The LMS courses you launched from or were listed in, and whether as a teacher or a learner.",
    exportAs: "lmsCourses",
    read: (rows) => rows.select(["context_id", "role"]).orderBy("context_id"),
    erase: deleted("Your place in the LMS course's list; the course's group stays."),
  }),
  declare({
    table: "lti_grade_links",
    links: [byId("user_id")],
    identifies: ["sub"],
    holds: "Where your scores for an activity are sent: the LMS gradebook column of the link you used.",
    exportAs: "lmsGradeLinks",
    read: (rows) => rows.select(["line_item_url", "course_id", "activity_id", "created_at"]).orderBy("created_at"),
    erase: deleted("No more scores are sent; the LMS keeps the grades it already received (ask the school to remove them)."),
  }),
  declare({
    table: "lti_score_queue",
    links: [byId("user_id")],
    identifies: ["sub"],
    holds: "Scores sent, or waiting to be sent, to your LMS's gradebook: the score, when, and whether it arrived.",
    exportAs: "lmsScores",
    read: (rows) => rows.select(["line_item_url", "attempt_id", "score_given", "score_maximum", "scored_at", "sent_at", "failed_at"]).orderBy("scored_at"),
    shape: (r) => ({ ...r, score_given: Number(r.score_given), score_maximum: Number(r.score_maximum) }),
    erase: deleted("Scores not yet sent are never sent; the LMS keeps those it already received."),
  }),
  declare({
    table: "lti_deep_links",
    links: [byId("user_id")],
    holds: "Requests from your LMS to pick lessons for a course (a teacher's), and when they expire.",
    exportAs: "lmsContentRequests",
    read: (rows) => rows.select(["id", "deployment_id", "expires_at", "used_at"]).orderBy("expires_at"),
    erase: deleted("A request to pick content, only yours."),
  }),
  declare({
    table: "login_throttle",
    // Kept by a hash of the account's sign-in name, so that it works before anyone is signed in.
    links: [{ column: "account_hash", value: (who) => accountHash(signInName(who)) }],
    holds: "Wrong passwords typed for your account recently, which slow down further tries.",
    exportAs: "signInFailures",
    read: (rows) => rows.select(["failures", "window_started_at", "blocked_until"]).orderBy("window_started_at"),
    shape: (r) => ({ ...r, failures: num(r.failures) }),
    erase: deleted("It protects an account that no longer exists."),
  }),
  declare({
    table: "login_devices",
    links: [{ column: "account_hash", value: (who) => accountHash(signInName(who)) }],
    holds: "When each browser you signed in from was last seen (a wrong password elsewhere never locks these out).",
    exportAs: "signInDevices",
    read: (rows) => rows.select(["last_seen_at"]).orderBy("last_seen_at"),
    erase: deleted("It protects an account that no longer exists."),
  }),
  declare({
    table: "rate_limits",
    // Most counters are kept by hashed browsers, addresses or groups; joinPerAccount is kept by the
    // account id (lib/cohorts/mutations.ts joinCohort). A new limit by account adds its link here.
    links: [{ column: "key", value: (who) => storedKey("joinPerAccount", who.id) }],
    holds: "How many groups you joined in the last hour (a limit against abuse), and when the count ends.",
    exportAs: "joinsCounted",
    read: (rows) => rows.select(["points", "expire"]),
    shape: (r) => ({ joins: num(r.points), countEndsAt: r.expire === null ? null : new Date(num(r.expire)).toISOString() }),
    erase: deleted("A count kept by the account id; it limits an account that no longer exists."),
  }),
] as const;

/**
 * Columns that point at a person but need no entry, each with the reason. The schema test reads
 * it; none today (every such column is a link or an identifying column above).
 */
export const PRIVACY_EXEMPT: readonly { table: string; column: string; why: string }[] = [];

type Registry = (typeof PRIVACY_REGISTRY)[number];

/** Everything stored about a person, as their export shows it: one key per registry entry. */
export type MyData = { exportedAt: string; about: Record<Registry["exportAs"], string> } & {
  [E in Registry as E["exportAs"]]: E extends PrivacyEntry<string, infer Out, infer Single> ? (Single extends true ? Out : Out[]) : never;
};
