// OneRoster 1.2 CSV (classes.csv, users.csv, enrollments.csv) read into what a group needs, and
// the plan of what an import changes, worked out from what earlier imports left. Pure: the data
// layer (import.ts) loads the existing links, calls planRoster and writes the plan.
//
// Minimal data: of a student only the sourcedId (to recognise them next time) and a nickname
// (given name and the family name's initial) are kept; no email, username or birth date. A
// teacher's email is used once, to invite them to help run the group (lib/cohorts/invitations.ts:
// the invitation keeps only a hash, and only an account with that email that runs groups can
// accept); a teacher without an email is skipped with a warning.
import { parseCsv, type CsvProblem } from "./csv";
import { nameRefusal, normaliseName } from "@/lib/text/names";

export const ROSTER_LIMITS = { classes: 50, users: 600, enrollments: 2000, field: 256, newLearners: 300 } as const;

export type RosterFile = "classes" | "users" | "enrollments";
export type Status = "active" | "tobedeleted";

/** A problem (or a warning) with a file or one of its rows; `key` words it under "rosters.issue" in messages.json. */
export interface RosterIssue {
  file: RosterFile;
  /** 0 when it is about the whole file. */
  line: number;
  key: string;
  args?: Record<string, string | number>;
}

export interface RosterClass {
  sourcedId: string;
  status: Status;
  title: string;
  line: number;
}
export interface RosterUser {
  sourcedId: string;
  status: Status;
  nickname: string;
  email: string | null;
  line: number;
}
export interface RosterEnrollment {
  status: Status;
  classSourcedId: string;
  userSourcedId: string;
  role: string;
  line: number;
}

export interface RosterText {
  classes: string;
  users: string;
  enrollments: string;
}

export interface ReadRoster {
  classes: RosterClass[];
  users: RosterUser[];
  enrollments: RosterEnrollment[];
  errors: RosterIssue[];
  warnings: RosterIssue[];
}

const REQUIRED: Record<RosterFile, string[]> = {
  classes: ["sourcedId", "title"],
  users: ["sourcedId", "givenName", "familyName"],
  enrollments: ["classSourcedId", "userSourcedId", "role"],
};

function csvIssue(file: RosterFile, p: CsvProblem): RosterIssue {
  switch (p.kind) {
    case "quote":
    case "unclosed":
      return { file, line: p.line, key: p.kind === "quote" ? "csvQuote" : "csvUnclosed" };
    case "fieldTooLong":
      return { file, line: p.line, key: "csvFieldTooLong", args: { max: p.max } };
    case "width":
      return { file, line: p.line, key: "csvWidth", args: { expected: p.expected, found: p.found } };
    case "tooManyRows":
      return { file, line: 0, key: "csvTooManyRows", args: { max: p.max } };
    case "empty":
      return { file, line: 0, key: "csvEmpty" };
  }
}

/** Rows of one file as objects by column name, or the file's problems. */
function table(file: RosterFile, text: string, maxRows: number, errors: RosterIssue[]): { line: number; get(column: string): string }[] {
  const parsed = parseCsv(text, { maxRows, maxField: ROSTER_LIMITS.field });
  if (!parsed.ok) {
    errors.push(csvIssue(file, parsed.problem));
    return [];
  }
  const missing = REQUIRED[file].filter((c) => !parsed.header.includes(c));
  for (const column of missing) errors.push({ file, line: 1, key: "missingColumn", args: { column } });
  if (missing.length) return [];
  const index = new Map(parsed.header.map((h, i) => [h, i]));
  return parsed.records.map((r) => ({ line: r.line, get: (column: string) => (index.has(column) ? r.fields[index.get(column)!].trim() : "") }));
}

/** Bulk files leave status empty (active); delta files say "active" or "tobedeleted". */
function statusOf(file: RosterFile, row: { line: number; get(c: string): string }, errors: RosterIssue[]): Status {
  const value = row.get("status");
  if (value === "" || value === "active") return "active";
  if (value === "tobedeleted") return "tobedeleted";
  errors.push({ file, line: row.line, key: "badStatus", args: { value: value.slice(0, 20) } });
  return "active";
}

function required(file: RosterFile, row: { line: number; get(c: string): string }, column: string, errors: RosterIssue[]): string {
  const value = row.get(column);
  if (!value) errors.push({ file, line: row.line, key: "missingValue", args: { column } });
  return value;
}

/** "Amira K.": the given name (at most 26 characters) and the family name's first letter. */
export function nicknameOf(givenName: string, familyName: string): string {
  const given = Array.from(normaliseName(givenName)).slice(0, 26).join("");
  const initial = Array.from(normaliseName(familyName))[0];
  return initial ? `${given} ${initial.toLocaleUpperCase()}.` : given;
}

const EMAIL = /^[^\s@",]+@[^\s@",]+\.[^\s@",]+$/;

export function readRoster(input: RosterText): ReadRoster {
  const errors: RosterIssue[] = [];
  const warnings: RosterIssue[] = [];
  const seen = { classes: new Set<string>(), users: new Set<string>(), enrollments: new Set<string>() };
  const unique = (file: RosterFile, line: number, id: string) => {
    if (seen[file].has(id)) errors.push({ file, line, key: "duplicateId", args: { id } });
    seen[file].add(id);
  };

  const classes = table("classes", input.classes, ROSTER_LIMITS.classes, errors).map((row) => {
    const c: RosterClass = { sourcedId: required("classes", row, "sourcedId", errors), status: statusOf("classes", row, errors), title: normaliseName(row.get("title")), line: row.line };
    if (c.sourcedId) unique("classes", row.line, c.sourcedId);
    if (c.status === "active" && !c.title) errors.push({ file: "classes", line: row.line, key: "missingValue", args: { column: "title" } });
    if (c.title && nameRefusal(c.title)) errors.push({ file: "classes", line: row.line, key: "badName", args: { column: "title" } });
    return { ...c, title: Array.from(c.title).slice(0, 80).join("") };
  });

  const users = table("users", input.users, ROSTER_LIMITS.users, errors).map((row) => {
    const sourcedId = required("users", row, "sourcedId", errors);
    const status = statusOf("users", row, errors);
    const given = row.get("preferredGivenName") || row.get("givenName");
    const family = row.get("preferredFamilyName") || row.get("familyName");
    if (status === "active" && !given) errors.push({ file: "users", line: row.line, key: "missingValue", args: { column: "givenName" } });
    const nickname = nicknameOf(given, family);
    if (nameRefusal(nickname)) errors.push({ file: "users", line: row.line, key: "badName", args: { column: "givenName" } });
    const email = row.get("email").toLowerCase();
    if (sourcedId) unique("users", row.line, sourcedId);
    return { sourcedId, status, nickname, email: EMAIL.test(email) ? email : null, line: row.line };
  });

  const pairs = new Set<string>();
  const enrollments: RosterEnrollment[] = [];
  for (const row of table("enrollments", input.enrollments, ROSTER_LIMITS.enrollments, errors)) {
    const e: RosterEnrollment = {
      status: statusOf("enrollments", row, errors),
      classSourcedId: required("enrollments", row, "classSourcedId", errors),
      userSourcedId: required("enrollments", row, "userSourcedId", errors),
      role: required("enrollments", row, "role", errors),
      line: row.line,
    };
    const id = row.get("sourcedId");
    if (id) unique("enrollments", row.line, id);
    const pair = `${e.classSourcedId}\u0000${e.userSourcedId}\u0000${e.role}\u0000${e.status}`;
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    if (e.role !== "student" && e.role !== "teacher") {
      if (e.role) warnings.push({ file: "enrollments", line: row.line, key: "otherRole", args: { role: e.role.slice(0, 30) } });
      continue;
    }
    enrollments.push(e);
  }
  return { classes, users, enrollments, errors, warnings };
}

/** What earlier imports by this facilitator left: their classes' groups (with members) and their learners. */
export interface Existing {
  classes: Map<string, { cohortId: string; name: string; archived: boolean; members: Set<string> }>;
  learners: Map<string, { userId: string; nickname: string }>;
}

export type ClassAction = "create" | "update" | "unchanged" | "archive";

export interface ClassPlan {
  sourcedId: string;
  title: string;
  action: ClassAction;
  cohortId: string | null;
  /** Roster student ids to add to the group, and to take out of it. */
  add: string[];
  remove: string[];
  /** Teachers' emails to invite to help run the group. */
  invite: string[];
}

export interface RosterPlan {
  classes: ClassPlan[];
  /** Students without an account yet: one is made for each. */
  newLearners: { sourcedId: string; nickname: string }[];
  /** Learners whose nickname changes with the roster. */
  renamed: { userId: string; nickname: string }[];
  errors: RosterIssue[];
  warnings: RosterIssue[];
}

/** The import's plan: nothing in it when the same roster comes again. Errors mean nothing is applied. */
export function planRoster(read: ReadRoster, existing: Existing): RosterPlan {
  const errors = [...read.errors];
  const warnings = [...read.warnings];
  // A file that could not be read at all is one problem, not one more for every row that names it.
  const unread = new Set(read.errors.filter((e) => e.key.startsWith("csv") || e.key === "missingColumn").map((e) => e.file));
  const users = new Map(read.users.map((u) => [u.sourcedId, u]));
  const plans = new Map<string, ClassPlan>();

  for (const c of read.classes) {
    const linked = existing.classes.get(c.sourcedId);
    let action: ClassAction;
    if (c.status === "tobedeleted") action = linked && !linked.archived ? "archive" : "unchanged";
    else if (!linked) action = "create";
    else action = linked.name !== c.title ? "update" : "unchanged";
    if (c.status === "tobedeleted" && !linked) continue;
    plans.set(c.sourcedId, { sourcedId: c.sourcedId, title: c.title || linked?.name || "", action, cohortId: linked?.cohortId ?? null, add: [], remove: [], invite: [] });
  }
  const planFor = (classId: string, file: RosterFile, line: number): ClassPlan | undefined => {
    const plan = plans.get(classId);
    if (plan) return plan;
    // A delta roster may enrol into a class imported before without listing the class again.
    const linked = existing.classes.get(classId);
    if (linked) {
      const p: ClassPlan = { sourcedId: classId, title: linked.name, action: "unchanged", cohortId: linked.cohortId, add: [], remove: [], invite: [] };
      plans.set(classId, p);
      return p;
    }
    if (!unread.has("classes") && !read.classes.some((c) => c.sourcedId === classId)) errors.push({ file, line, key: "unknownClass", args: { id: classId } });
    return undefined;
  };

  const newLearners = new Map<string, string>();
  const isMember = (plan: ClassPlan, sourcedId: string) => {
    const learner = existing.learners.get(sourcedId);
    return Boolean(learner && plan.cohortId && existing.classes.get(plan.sourcedId)?.members.has(learner.userId));
  };

  for (const e of read.enrollments) {
    const plan = planFor(e.classSourcedId, "enrollments", e.line);
    if (!plan) continue;
    const user = users.get(e.userSourcedId);
    const learner = existing.learners.get(e.userSourcedId);
    if (e.role === "teacher") {
      if (e.status === "active" && plan.action !== "archive") {
        if (user?.email) {
          if (!plan.invite.includes(user.email)) plan.invite.push(user.email);
        } else warnings.push({ file: "enrollments", line: e.line, key: "teacherNoEmail", args: { id: e.userSourcedId } });
      }
      continue;
    }
    if (!user && !learner) {
      if (!unread.has("users")) errors.push({ file: "enrollments", line: e.line, key: "unknownUser", args: { id: e.userSourcedId } });
      continue;
    }
    const removing = e.status === "tobedeleted" || user?.status === "tobedeleted";
    if (removing) {
      if (isMember(plan, e.userSourcedId) && !plan.remove.includes(e.userSourcedId)) plan.remove.push(e.userSourcedId);
      continue;
    }
    if (plan.action === "archive") continue;
    if (!learner) newLearners.set(e.userSourcedId, user!.nickname);
    if (!isMember(plan, e.userSourcedId) && !plan.add.includes(e.userSourcedId)) plan.add.push(e.userSourcedId);
  }

  // A student marked tobedeleted in users.csv leaves every group of this facilitator's rosters.
  for (const u of read.users) {
    if (u.status !== "tobedeleted" || !existing.learners.has(u.sourcedId)) continue;
    for (const [classId, linked] of existing.classes) {
      if (!linked.members.has(existing.learners.get(u.sourcedId)!.userId)) continue;
      const plan = planFor(classId, "users", u.line)!;
      if (!plan.remove.includes(u.sourcedId)) plan.remove.push(u.sourcedId);
    }
  }

  const renamed: RosterPlan["renamed"] = [];
  for (const u of read.users) {
    const learner = existing.learners.get(u.sourcedId);
    if (learner && u.status === "active" && u.nickname && learner.nickname !== u.nickname) renamed.push({ userId: learner.userId, nickname: u.nickname });
  }
  if (newLearners.size > ROSTER_LIMITS.newLearners) errors.push({ file: "users", line: 0, key: "tooManyNew", args: { max: ROSTER_LIMITS.newLearners } });

  return {
    classes: [...plans.values()],
    newLearners: [...newLearners].map(([sourcedId, nickname]) => ({ sourcedId, nickname })),
    renamed,
    errors,
    warnings,
  };
}

/** True when applying the plan would change nothing. */
export function isEmptyPlan(plan: RosterPlan): boolean {
  return plan.newLearners.length === 0 && plan.renamed.length === 0 && plan.classes.every((c) => c.action === "unchanged" && !c.add.length && !c.remove.length && !c.invite.length);
}
