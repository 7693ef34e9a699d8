// Table types for Kysely. Times are ISO-8601 UTC strings on both engines, so queries and
// results are the same whichever database runs underneath.
import type { ColumnType, Generated } from "kysely";

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
  /** The language they chose with the switcher (a code of content/locales.json); null until then. */
  locale: Generated<string | null>;
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

/**
 * A pending invitation to co-facilitate a cohort. It names no account: the invited email is kept
 * only as a hash (to match whoever signs in with it) and a masked hint for the owner's list.
 * Accepting turns it into a cohort_facilitators row; it expires after 14 days.
 */
export interface CohortInvitationsTable {
  id: string;
  cohort_id: string;
  email_hash: string;
  email_hint: string;
  created_at: string;
  expires_at: string;
}

/** A roster class (OneRoster sourcedId, per importing facilitator) and the group it became (lib/rosters). */
export interface RosterClassesTable {
  owner_id: string;
  source_id: string;
  cohort_id: string;
  imported_at: string;
}

/** A roster student (OneRoster sourcedId, per importing facilitator) and the learner account made for them. */
export interface RosterLearnersTable {
  owner_id: string;
  source_id: string;
  user_id: string;
  imported_at: string;
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
  /** The end of the due day (UTC), or null: set with "no due date" (migration 0014). */
  due_at: string | null;
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

/** Sessions ended by a plain sign-out; kept until any token carrying the id has expired. */
export interface RevokedSessionsTable {
  session_id: string;
  expires_at: string;
}

export interface LessonCompletionsTable {
  user_id: string;
  course_id: string;
  lesson_id: string;
  completed_at: string;
  /**
   * The locale the learner was using (content/locales.json), migration 0017; rows from before are
   * 'en'. Optional on insert only because the column has that default: the app always names it.
   */
  locale: ColumnType<string, string | undefined, string>;
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
  /**
   * The quiz's content version when the attempt began (lib/content/version.ts). Null for
   * attempts from before versions were recorded and for merged guest scores (version unknown):
   * reports count only attempts on the current version. Optional on insert.
   */
  content_version: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * The answers of a finished attempt in one text (lib/progress/answer-summary.ts), written when
   * it finishes; null while it is open. Reports read it instead of every answer. Optional on insert.
   */
  answer_summary: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * The locale the attempt was begun in (its first answer's) (content/locales.json), migration 0017; rows from before are
   * 'en'. Optional on insert only because the column has that default: the app always names it.
   */
  locale: ColumnType<string, string | undefined, string>;
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
  /**
   * The locale the learner was using (content/locales.json), migration 0017; rows from before are
   * 'en'. Optional on insert only because the column has that default: the app always names it.
   */
  locale: ColumnType<string, string | undefined, string>;
}

export type AttitudeForm = "pre" | "post";

/**
 * One rating of one "Your views" statement. Anonymous by construction: no user id, no time of
 * day, a random id (and on SQLite a table WITHOUT ROWID, so rows sit in id order rather than the
 * order they arrived). Shown only as group totals (lib/attitudes).
 */
export interface AttitudeAnswersTable {
  id: string;
  cohort_id: string;
  item_id: string;
  form: AttitudeForm;
  /**
   * 1 = strongly disagree ... 5 = strongly agree, as the learner's device SENT it: randomised
   * (lib/attitudes/randomised-response.ts, "krr-5-ln3"; rows from before, by migration 0006), so
   * never a person's own rating. Only estimates from many rows mean anything.
   */
  value: number;
  /** YYYY-MM-DD only. */
  answered_on: string;
  /** The group of five submissions this answer was counted in (attitude_batches). */
  batch: number;
}

/** Only THAT a member shared their views for a check in a cohort: one per person, form and cohort. */
export interface AttitudeSubmissionsTable {
  cohort_id: string;
  user_id: string;
  form: AttitudeForm;
  /** The client's id for the submission, so a retry is recognised as the same one (not a second). */
  submission_id: string;
}

/**
 * How many submissions each batch of a cohort's answers holds. Totals include a batch only when it
 * is full (five), so two reports never differ by one person's answers.
 */
export interface AttitudeBatchesTable {
  cohort_id: string;
  form: AttitudeForm;
  batch: number;
  members: number;
}

/**
 * A learner's random arm in one of a course's experiments (lib/experiments): "forms" holds the
 * order of the two check forms ("ab": form A first), "bias:<pair id>" the version of a bias-check
 * pair they see ("a" or "b"). Written once, the first time it is needed; never changed.
 */
export interface ExperimentArmsTable {
  user_id: string;
  course_id: string;
  experiment: string;
  arm: string;
  assigned_at: string;
}

/** rate-limiter-flexible's counters (lib/ratelimit); the app itself only prunes them. */
export interface RateLimitsTable {
  key: string;
  points: number;
  /** When the window ends, ms since the epoch (PostgreSQL bigint: read back as a string). */
  expire: number | string | null;
}

/** A live workshop session (lib/live): its running order and state as JSON, numbered by seq. */
export interface LiveSessionsTable {
  id: string;
  code: string;
  owner_id: string;
  /** The group, or null for an ad hoc session (nickname joiners; only totals kept once ended). */
  cohort_id: string | null;
  locale: string;
  course_id: string;
  track_id: string | null;
  /** JSON: the steps (lib/live/steps.ts). */
  running_order: string;
  /** JSON: the reducer's state without the order (lib/live/session.ts). */
  state: string;
  /** The state's sequence number, also the SSE event id (PostgreSQL returns it as a number). */
  seq: number;
  /** JSON: an ended ad hoc session's counts per round and choice. */
  totals: string | null;
  created_at: string;
  ended_at: string | null;
}

/** Someone in a live session: a group member (user_id) or a nickname joiner (token_hash). */
export interface LiveParticipantsTable {
  id: string;
  session_id: string;
  user_id: string | null;
  token_hash: string | null;
  nickname: string | null;
  joined_at: string;
  seen_at: string;
}

/** One answer of one participant to one round; the id is the client's, so a resend is one row. */
export interface LiveAnswersTable {
  id: string;
  session_id: string;
  participant_id: string;
  /** The group member's account, as on their participant row; null for nickname joiners. */
  user_id: string | null;
  step_key: string;
  round: string;
  /** JSON array of ids. */
  choice: string;
  answered_at: string;
}

/** A hall laptop's group imported into a group of this server (lib/hall/import.ts): one group each. */
export interface HallGroupsTable {
  hall_cohort_id: string;
  cohort_id: string;
  imported_at: string;
}

/** A learner from a hall laptop and the nickname account made for them here, per group. */
export interface HallLearnersTable {
  cohort_id: string;
  hall_user_id: string;
  user_id: string;
}

/** The installation's LRS (one row, id "lrs"); credentials encrypted (lib/xapi/crypto.ts). */
export interface XapiSettingsTable {
  id: string;
  endpoint: string;
  credentials: string | null;
  version: string;
  enabled: number;
  activity_base: string;
  actor_salt: string;
  updated_at: string;
}

/** A statement on its way to the LRS (lib/xapi/outbox.ts). */
export interface XapiOutboxTable {
  id: string;
  user_id: string | null;
  statement: string;
  /** pending -> sending -> sent; dead: out of tries (can be retried); rejected: refused for good (409, 400). */
  status: "pending" | "sending" | "sent" | "dead" | "rejected";
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** One of the app's signing keys (lib/signing-keys): the private half encrypted under the app's secret. */
export interface SigningKeysTable {
  kid: string;
  /** What the key signs ("credentials"); one active key per purpose. */
  purpose: string;
  alg: string;
  /** JSON: the public JWK. */
  public_jwk: string;
  /** The private JWK, encrypted (AES-256-GCM, lib/signing-keys/crypto.ts). */
  private_jwk: string;
  created_at: string;
  /** Set on rotation: the key no longer signs, but stays published so what it signed still verifies. */
  retired_at: string | null;
}

export type CredentialKind = "completed" | "attended";

/** A certificate (lib/certificates): an Open Badges 3.0 credential, or an award not yet issued. */
export interface CredentialsTable {
  id: string;
  user_id: string;
  kind: CredentialKind;
  course_id: string;
  /** "completed:<course>" or "attended:<group>:<day>": unique per person. */
  award_key: string;
  cohort_id: string | null;
  group_name: string | null;
  /** YYYY-MM-DD of the attended workshop. */
  session_date: string | null;
  locale: string;
  /** The name the learner chose to print; null for "no name" (or not yet chosen, while jwt is null). */
  printed_name: string | null;
  created_at: string;
  issued_at: string | null;
  jwt: string | null;
  revoked_at: string | null;
}

/** A position of the status list; its bit is set unless its credential exists and is not revoked. */
export interface CredentialStatusTable {
  list_id: string;
  position: number;
  credential_id: string;
}

/** An LMS registered as an LTI 1.3 platform (migration 0020). */
export interface LtiPlatformsTable {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  auth_endpoint: string;
  jwks_url: string;
  token_url: string;
  audience: string | null;
  /** JSON array of strings. */
  deployment_ids: string;
  created_at: string;
}

export interface LtiNoncesTable {
  nonce_hash: string;
  platform_id: string;
  expires_at: string;
  used_at: string | null;
}

export interface LtiUsersTable {
  platform_id: string;
  sub: string;
  user_id: string;
  created_at: string;
}

export interface LtiContextsTable {
  platform_id: string;
  context_id: string;
  cohort_id: string | null;
  memberships_url: string | null;
  synced_at: string | null;
  created_at: string;
}

export interface LtiContextMembersTable {
  platform_id: string;
  context_id: string;
  user_id: string;
  /** "instructor" or "learner". */
  role: string;
}

export interface LtiGradeLinksTable {
  user_id: string;
  line_item_url: string;
  platform_id: string;
  sub: string;
  course_id: string;
  activity_id: string;
  created_at: string;
}

export interface LtiScoreQueueTable {
  id: string;
  user_id: string;
  platform_id: string;
  line_item_url: string;
  sub: string;
  attempt_id: string;
  score_given: number;
  score_maximum: number;
  activity_progress: string;
  grading_progress: string;
  scored_at: string;
  tries: Generated<number>;
  next_try_at: string;
  sent_at: string | null;
  failed_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface LtiDeepLinksTable {
  id: string;
  platform_id: string;
  deployment_id: string;
  user_id: string;
  return_url: string;
  data: string | null;
  accept_multiple: number;
  expires_at: string;
  used_at: string | null;
}

/** Every table that holds something about a person is declared in lib/account/privacy-registry.ts (its test fails otherwise). */
export interface Database {
  users: UsersTable;
  login_throttle: LoginThrottleTable;
  login_devices: LoginDevicesTable;
  rate_limits: RateLimitsTable;
  revoked_sessions: RevokedSessionsTable;
  lesson_completions: LessonCompletionsTable;
  quiz_attempts: QuizAttemptsTable;
  quiz_responses: QuizResponsesTable;
  cohorts: CohortsTable;
  cohort_facilitators: CohortFacilitatorsTable;
  cohort_invitations: CohortInvitationsTable;
  cohort_members: CohortMembersTable;
  assignments: AssignmentsTable;
  attitude_answers: AttitudeAnswersTable;
  attitude_submissions: AttitudeSubmissionsTable;
  attitude_batches: AttitudeBatchesTable;
  experiment_arms: ExperimentArmsTable;
  live_sessions: LiveSessionsTable;
  live_participants: LiveParticipantsTable;
  live_answers: LiveAnswersTable;
  hall_groups: HallGroupsTable;
  hall_learners: HallLearnersTable;
  xapi_settings: XapiSettingsTable;
  xapi_outbox: XapiOutboxTable;
  roster_classes: RosterClassesTable;
  roster_learners: RosterLearnersTable;
  signing_keys: SigningKeysTable;
  credentials: CredentialsTable;
  credential_status: CredentialStatusTable;
  lti_platforms: LtiPlatformsTable;
  lti_nonces: LtiNoncesTable;
  lti_users: LtiUsersTable;
  lti_contexts: LtiContextsTable;
  lti_context_members: LtiContextMembersTable;
  lti_grade_links: LtiGradeLinksTable;
  lti_score_queue: LtiScoreQueueTable;
  lti_deep_links: LtiDeepLinksTable;
}

