// Table types for Kysely. Times are ISO-8601 UTC strings on both engines, so queries and
// results are the same whichever database runs underneath.
import type { Generated } from "kysely";

export type Role = "learner" | "facilitator" | "admin";

export interface UsersTable {
  id: string;
  /** Lower-cased; null for nickname-only accounts (cohort joiners). */
  email: string | null;
  display_name: string;
  password_hash: string;
  role: Role;
  /** Bumped by "sign out everywhere": every session carrying an older value ends. */
  session_version: Generated<number>;
  created_at: string;
  /** Nickname-only accounts sign in with this generated name (and have no email). */
  login_name: string | null;
  /** A suspended facilitator can no longer run cohorts; the cohorts stay readable by admins. */
  suspended_at: string | null;
}

export type CohortKind = "workshop" | "class";

export interface CohortsTable {
  id: string;
  name: string;
  kind: CohortKind;
  locale: string;
  course_id: string;
  track_id: string;
  join_code: string;
  owner_id: string;
  created_at: string;
  archived_at: string | null;
}

export interface CohortFacilitatorsTable {
  cohort_id: string;
  user_id: string;
}

export interface CohortMembersTable {
  cohort_id: string;
  user_id: string;
  joined_at: string;
  pseudonymous: number;
}

export interface AssignmentsTable {
  id: string;
  cohort_id: string;
  activity_id: string;
  due_at: string;
  created_at: string;
}

export interface LoginThrottleTable {
  /** sha256 of the lower-cased email, so deleting an account can delete its rows too. */
  account_hash: string;
  /**
   * Which bucket the attempt fell in: "untrusted" for browsers that never signed in to this
   * account, or the hash of a device this account signed in from before (lib/auth/device.ts).
   */
  client_hash: string;
  failures: number;
  window_started_at: string;
  blocked_until: string | null;
}

/** Browsers that signed in to an account before: they keep their own throttle bucket. */
export interface LoginDevicesTable {
  account_hash: string;
  device_hash: string;
  last_seen_at: string;
}

export interface LessonCompletionsTable {
  user_id: string;
  course_id: string;
  lesson_id: string;
  completed_at: string;
}

export interface QuizAttemptsTable {
  /** Client-generated UUID, so a retried request never makes a second attempt. */
  id: string;
  user_id: string;
  course_id: string;
  lesson_id: string;
  quiz_id: string;
  started_at: string;
  finished_at: string | null;
  /** 0..1 once finished. */
  score: number | null;
  /** "app" for attempts taken signed in; "guest" for scores merged from a browser. */
  source: string;
}

export interface QuizResponsesTable {
  /** Client-generated UUID: the same answer sent twice is one row. */
  id: string;
  attempt_id: string;
  user_id: string;
  question_id: string;
  skill: string;
  /** JSON array of option ids. */
  chosen: string;
  points: number;
  correct: number;
  answered_at: string;
}

export interface Database {
  users: UsersTable;
  login_throttle: LoginThrottleTable;
  login_devices: LoginDevicesTable;
  lesson_completions: LessonCompletionsTable;
  quiz_attempts: QuizAttemptsTable;
  quiz_responses: QuizResponsesTable;
  cohorts: CohortsTable;
  cohort_facilitators: CohortFacilitatorsTable;
  cohort_members: CohortMembersTable;
  assignments: AssignmentsTable;
}

/** Every table holding rows about a user, with the column that names them (export, delete, tests). */
export const USER_DATA_TABLES = [
  ["users", "id"],
  ["lesson_completions", "user_id"],
  ["quiz_attempts", "user_id"],
  ["quiz_responses", "user_id"],
  ["cohort_members", "user_id"],
  ["cohort_facilitators", "user_id"],
] as const;
