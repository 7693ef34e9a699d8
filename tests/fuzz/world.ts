// A small seeded world for fuzzing route handlers: two facilitators with their own groups, a
// shared group, a suspended facilitator, an admin, learners with accounts and nickname learners,
// each with progress. Snapshots read every table through a second SQLite connection, so a fuzz
// run can prove which rows a request changed and whether the caller was allowed to change them.
import crypto from "node:crypto";
import SQLite from "better-sqlite3";
import type { SessionUser } from "@/lib/auth/accounts";
import { accountHash } from "@/lib/auth/throttle";
import { emailHint, invitationEmailHash } from "@/lib/cohorts/invitations";
import { getAttitudeItems, getCourses, getQuiz } from "@/lib/content";
import { liveContent } from "@/lib/live/content";
import { initialState, reduce } from "@/lib/live/session";
import { keyed, LOBBY } from "@/lib/live/steps";
import type { Change } from "./ownership";

export type Row = Record<string, unknown>;
/** Table -> primary key -> row. */
export type Snapshot = Map<string, Map<string, Row>>;

export const PASSWORD = "river lamp orchard 41";

const uuid = () => crypto.randomUUID();
const T0 = "2026-01-05T10:00:00.000Z";

export interface World {
  users: Record<"admin" | "f1" | "f2" | "suspended" | "l1" | "l2" | "n1" | "n2", SessionUser & { email: string | null; login: string | null }>;
  cohorts: Record<"c1" | "c2" | "shared" | "suspendedOwn" | "archived", { id: string; code: string }>;
  /** Invitations to co-facilitate: pending ones to a facilitator, a learner and the admin, and an expired one. */
  invitations: Record<"f2ToC1" | "l1ToC2" | "adminToShared" | "expiredF1ToC2", { id: string; cohort: string; email: string; expired: boolean }>;
  /** Open quiz attempts by user key, and one answered question id in each. */
  attempts: Record<string, { open: string; finished: string; response: string }>;
  course: string;
  lesson: string;
  quiz: string;
  questionIds: string[];
  optionIds: string[];
  /** The course's "Your views" statements (none if the course asks none). */
  attitudeItems: string[];
  /** Who is in which group: coherent (group, learner) pairs for routes that name both. */
  memberships: { cohort: string; learner: string }[];
  /** "cohort/learner" of the nickname accounts made for a group. */
  pseudonymous: Set<string>;
  /** Every id in the world: users, cohorts, attempts, responses. */
  ids: string[];
  codes: string[];
  /** Live sessions: f1's of group c1 (l1 and a nickname joiner in it), and f2's ad hoc one; both on a question. */
  live: Record<"group" | "adhoc", { id: string; code: string }>;
  /** The round both sessions show, and its options. */
  liveRound: string;
  liveOptions: string[];
  /** The sessions' running order and state as stored. */
  liveRows: { running_order: string; state: string; seq: number };
}

/** Builds the cast; ids are random per suite, stable across reseeds. */
export function makeWorld(): World {
  const course = getCourses("en")[0];
  const lessonRef = course.modules[0].lessons.find((l) => l.quizId)!;
  const quiz = getQuiz("en", course.id, lessonRef.quizId!)!;
  const u = (role: SessionUser["role"], name: string, email: string | null, login: string | null = null) => ({ id: uuid(), role, displayName: name, email, login });
  const users = {
    admin: u("admin", "Ada Admin", "admin@fuzz.example"),
    f1: u("facilitator", "Faye One", "f1@fuzz.example"),
    f2: u("facilitator", "Femi Two", "f2@fuzz.example"),
    suspended: u("facilitator", "Sid Suspended", "fs@fuzz.example"),
    l1: u("learner", "Lee One", "l1@fuzz.example"),
    l2: u("learner", "Lou Two", "l2@fuzz.example"),
    n1: u("learner", "Blue Kite", null, "blue-kite-1234"),
    n2: u("learner", "Red Fox", null, "red-fox-5678"),
  };
  const c = (code: string) => ({ id: uuid(), code });
  const cohorts = { c1: c("AAAA2222"), c2: c("BBBB3333"), shared: c("CCCC4444"), suspendedOwn: c("DDDD5555"), archived: c("EEEE6666") };
  const memberships = ([
    ["c1", "l1", 0], ["c1", "n1", 1], ["c2", "l2", 0], ["c2", "n2", 1], ["shared", "l2", 0], ["suspendedOwn", "l1", 0], ["archived", "l2", 0],
  ] as const).map(([cohort, learner, pseudonymous]) => ({ cohort: cohorts[cohort].id, learner: users[learner].id, pseudonymous }));
  const attempts = Object.fromEntries(["l1", "l2", "n1", "n2"].map((k) => [k, { open: uuid(), finished: uuid(), response: uuid() }]));
  const invite = (cohort: keyof typeof cohorts, to: keyof typeof users, expired = false) => ({ id: uuid(), cohort: cohorts[cohort].id, email: users[to].email!, expired });
  const invitations = { f2ToC1: invite("c1", "f2"), l1ToC2: invite("c2", "l1"), adminToShared: invite("shared", "admin"), expiredF1ToC2: invite("c2", "f1", true) };
  const live = { group: c("FFFF7777"), adhoc: c("GGGG8888") };
  const liveQuestion = quiz.questions.find((q) => q.type === "single" && !quiz.biasPairs?.some((p) => p.versions.includes(q.id)))!;
  const step = keyed({ kind: "question", ref: { kind: "question", course: course.id, quiz: { kind: "lesson", lesson: lessonRef.id }, question: liveQuestion.id } });
  const { order, seq, ...state } = reduce(initialState([LOBBY]), { type: "add", step }, liveContent("en"));
  const ids = [
    ...Object.values(live).map((x) => x.id),
    ...Object.values(users).map((x) => x.id), ...Object.values(cohorts).map((x) => x.id), ...Object.values(attempts).flatMap((a) => [a.open, a.finished, a.response]),
    ...Object.values(invitations).map((i) => i.id),
  ];
  return {
    users,
    cohorts,
    invitations,
    attempts,
    memberships: memberships.map(({ cohort, learner }) => ({ cohort, learner })),
    pseudonymous: new Set(memberships.filter((m) => m.pseudonymous).map((m) => `${m.cohort}/${m.learner}`)),
    course: course.id,
    lesson: lessonRef.id,
    quiz: quiz.id,
    questionIds: quiz.questions.map((q) => q.id),
    optionIds: quiz.questions.flatMap((q) => q.options.map((o) => o.id)),
    attitudeItems: getAttitudeItems("en", course.id).map((i) => i.id),
    ids,
    codes: Object.values(cohorts).map((x) => x.code),
    live,
    liveRound: step.key,
    liveOptions: liveQuestion.options.map((o) => o.id),
    liveRows: { running_order: JSON.stringify(order), state: JSON.stringify({ ...state }), seq },
  };
}

/** The rows of the world, table by table (parents first). */
function seedRows(w: World, passwordHash: string): Record<string, Row[]> {
  const { users: U, cohorts: C } = w;
  const firstQuestion = w.questionIds[0];
  const progressOf = ["l1", "l2", "n1", "n2"] as const;
  return {
    users: Object.values(U).map((x) => ({
      id: x.id, email: x.email, display_name: x.displayName, password_hash: passwordHash, role: x.role, session_version: 0, created_at: T0,
      login_name: x.login, suspended_at: x === U.suspended ? T0 : null,
    })),
    cohorts: [
      [C.c1, U.f1, null], [C.c2, U.f2, null], [C.shared, U.f2, null], [C.suspendedOwn, U.suspended, null], [C.archived, U.f2, T0],
    ].map(([cohort, owner, archived], i) => ({
      id: (cohort as { id: string }).id, name: `Group ${i + 1}`, kind: i % 2 ? "class" : "workshop", locale: "en", course_id: w.course, track_id: "workshop",
      join_code: (cohort as { code: string }).code, owner_id: (owner as { id: string }).id, created_at: T0, archived_at: archived,
    })),
    cohort_facilitators: [{ cohort_id: C.shared.id, user_id: U.f1.id }],
    cohort_invitations: Object.values(w.invitations).map((i) => ({
      id: i.id, cohort_id: i.cohort, email_hash: invitationEmailHash(i.email), email_hint: emailHint(i.email), created_at: T0, expires_at: i.expired ? T0 : "2999-01-01T00:00:00.000Z",
    })),
    cohort_members: w.memberships.map((m) => ({ cohort_id: m.cohort, user_id: m.learner, joined_at: T0, pseudonymous: w.pseudonymous.has(`${m.cohort}/${m.learner}`) ? 1 : 0 })),
    assignments: [C.c1, C.c2, C.shared].map((cohort) => ({ id: uuid(), cohort_id: cohort.id, activity_id: w.lesson, due_at: "2026-02-01T23:59:59.000Z", created_at: T0 })),
    quiz_attempts: progressOf.flatMap((k) => [
      { id: w.attempts[k].open, user_id: U[k].id, course_id: w.course, lesson_id: w.lesson, quiz_id: w.quiz, started_at: T0, finished_at: null, score: null, source: "app" },
      { id: w.attempts[k].finished, user_id: U[k].id, course_id: w.course, lesson_id: w.lesson, quiz_id: w.quiz, started_at: T0, finished_at: T0, score: 0.5, source: "app" },
    ]),
    quiz_responses: progressOf.map((k) => ({
      id: w.attempts[k].response, attempt_id: w.attempts[k].open, user_id: U[k].id, question_id: firstQuestion, skill: "verify", chosen: "[]", points: 0, correct: 0, answered_at: T0,
    })),
    lesson_completions: progressOf.map((k) => ({ user_id: U[k].id, course_id: w.course, lesson_id: w.lesson, completed_at: T0 })),
    login_throttle: [
      { account_hash: accountHash(U.l2.email!), client_hash: "untrusted", failures: 2, window_started_at: new Date().toISOString(), blocked_until: null },
      { account_hash: accountHash(U.n2.login!), client_hash: "untrusted", failures: 1, window_started_at: new Date().toISOString(), blocked_until: null },
    ],
    login_devices: [{ account_hash: accountHash(U.l2.email!), device_hash: "d".repeat(64), last_seen_at: T0 }],
    // "Your views" (only where the migration exists): a full batch in the shared group, a part one in c2.
    attitude_batches: [
      { cohort_id: C.shared.id, form: "pre", batch: 0, members: 5 },
      { cohort_id: C.c2.id, form: "pre", batch: 0, members: 1 },
    ],
    attitude_answers: [
      ...[1, 2, 3, 4, 5].map((value) => ({ id: uuid(), cohort_id: C.shared.id, item_id: w.attitudeItems[0] ?? "item", form: "pre", value, answered_on: "2026-01-05", batch: 0 })),
      { id: uuid(), cohort_id: C.c2.id, item_id: w.attitudeItems[0] ?? "item", form: "pre", value: 3, answered_on: "2026-01-05", batch: 0 },
    ],
    attitude_submissions: [{ cohort_id: C.c2.id, user_id: U.l2.id, form: "pre", submission_id: uuid() }],
    live_sessions: [
      { id: w.live.group.id, code: w.live.group.code, owner_id: U.f1.id, cohort_id: C.c1.id },
      { id: w.live.adhoc.id, code: w.live.adhoc.code, owner_id: U.f2.id, cohort_id: null },
    ].map((x) => ({ ...x, locale: "en", course_id: w.course, track_id: null, ...w.liveRows, totals: null, created_at: new Date().toISOString(), ended_at: null })),
    live_participants: [
      { id: uuid(), session_id: w.live.group.id, user_id: U.l1.id, token_hash: null, nickname: null, joined_at: T0, seen_at: T0 },
      { id: uuid(), session_id: w.live.adhoc.id, user_id: null, token_hash: "a".repeat(64), nickname: "Quiet Owl", joined_at: T0, seen_at: T0 },
    ],
  };
}

interface TableInfo {
  name: string;
  pk: string[];
  parents: string[];
}

/** A raw connection to the app's SQLite file: reads every table, and puts the world back. */
export class WorldDb {
  private readonly raw: SQLite.Database;
  private readonly tables: TableInfo[];
  private readonly seed: Record<string, Row[]>;
  /** The world as seeded: every run starts from it, so it is read once. */
  seeded!: Snapshot;

  constructor(file: string, readonly world: World, passwordHash: string, extraRows: Record<string, Row[]> = {}) {
    this.raw = new SQLite(file);
    this.raw.pragma("busy_timeout = 5000");
    // rate_limits holds counters, not anyone's data: a refused request counting a failure there
    // (a wrong join code) is the limiter working, and lib/ratelimit's tests check it.
    const names = (this.raw.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' and name <> 'rate_limits'").all() as { name: string }[]).map((r) => r.name);
    this.tables = names.map((name) => {
      const cols = this.raw.pragma(`table_info(${JSON.stringify(name)})`) as { name: string; pk: number }[];
      const pk = cols.filter((col) => col.pk > 0).sort((a, b) => a.pk - b.pk).map((col) => col.name);
      const parents = (this.raw.pragma(`foreign_key_list(${JSON.stringify(name)})`) as { table: string }[]).map((f) => f.table);
      return { name, pk: pk.length ? pk : cols.map((col) => col.name), parents };
    });
    const seed = seedRows(world, passwordHash);
    for (const [table, rows] of Object.entries(extraRows)) seed[table] = [...(seed[table] ?? []), ...rows];
    this.seed = seed;
    this.reseed();
  }

  /** Tables with parents before children. */
  private ordered(): TableInfo[] {
    const out: TableInfo[] = [];
    const seen = new Set<TableInfo>();
    const visit = (t: TableInfo) => {
      if (seen.has(t)) return;
      seen.add(t);
      for (const p of t.parents) {
        const parent = this.tables.find((x) => x.name === p);
        if (parent) visit(parent);
      }
      out.push(t);
    };
    this.tables.forEach(visit);
    return out;
  }

  /** Empties every table and inserts the world again (one transaction). */
  reseed(): void {
    const order = this.ordered();
    this.raw.transaction(() => {
      for (const t of [...order].reverse()) this.raw.prepare(`delete from "${t.name}"`).run();
      for (const t of order) {
        for (const row of this.seed[t.name] ?? []) {
          const cols = Object.keys(row);
          this.raw.prepare(`insert into "${t.name}" (${cols.map((c) => `"${c}"`).join(", ")}) values (${cols.map(() => "?").join(", ")})`).run(...cols.map((c) => row[c]));
        }
      }
    }).immediate();
    this.seeded = this.snapshot();
  }

  /** Undoes `changes` (from `diff(seeded, now)`), row by row: cheaper than a reseed. */
  restore(changes: Change[]): void {
    const rank = new Map(this.ordered().map((t, i) => [t.name, i]));
    const pkOf = (table: string) => this.tables.find((t) => t.name === table)!.pk;
    const byRank = (a: Change, b: Change) => rank.get(a.table)! - rank.get(b.table)!;
    this.raw.transaction(() => {
      for (const c of changes.filter((x) => !x.before).sort(byRank).reverse()) {
        const pk = pkOf(c.table);
        this.raw.prepare(`delete from "${c.table}" where ${pk.map((k) => `"${k}" = ?`).join(" and ")}`).run(...pk.map((k) => c.after![k]));
      }
      for (const c of changes.filter((x) => x.before).sort(byRank)) {
        const cols = Object.keys(c.before!);
        const values = cols.map((k) => c.before![k]);
        if (c.after) {
          // UPDATE, not REPLACE: a replace deletes first, and the foreign keys would cascade.
          const pk = pkOf(c.table);
          this.raw.prepare(`update "${c.table}" set ${cols.map((k) => `"${k}" = ?`).join(", ")} where ${pk.map((k) => `"${k}" = ?`).join(" and ")}`).run(...values, ...pk.map((k) => c.after![k]));
        } else {
          this.raw.prepare(`insert into "${c.table}" (${cols.map((k) => `"${k}"`).join(", ")}) values (${cols.map(() => "?").join(", ")})`).run(...values);
        }
      }
    }).immediate();
  }

  /** Changes whenever another connection (the app's) commits a write: a cheap "did anything change?". */
  version(): number {
    return this.raw.pragma("data_version", { simple: true }) as number;
  }

  snapshot(): Snapshot {
    const snap: Snapshot = new Map();
    for (const t of this.tables) {
      const rows = this.raw.prepare(`select * from "${t.name}"`).all() as Row[];
      snap.set(t.name, new Map(rows.map((r) => [t.pk.map((k) => String(r[k])).join("\u0000"), r])));
    }
    return snap;
  }

  close() {
    this.raw.close();
  }
}
