// Who may change which rows: the caller's own rows, the groups they run (and what those hold),
// new accounts a public route made, and a member's anonymous views in their own group. A fuzz run
// compares two snapshots and asks, for every changed row, whether the caller owned it.
import type { SessionUser } from "@/lib/auth/accounts";
import { accountHash } from "@/lib/auth/throttle";
import { invitationEmailHash } from "@/lib/cohorts/invitations";
import type { Row, Snapshot } from "./world";

export interface Change {
  table: string;
  before?: Row;
  after?: Row;
}

/** Rows added, removed or changed between two snapshots. */
export function diff(before: Snapshot, after: Snapshot): Change[] {
  const out: Change[] = [];
  for (const [table, rowsAfter] of after) {
    const rowsBefore = before.get(table) ?? new Map<string, Row>();
    for (const [key, row] of rowsAfter) {
      const old = rowsBefore.get(key);
      if (!old || JSON.stringify(old) !== JSON.stringify(row)) out.push({ table, before: old, after: row });
    }
    for (const [key, row] of rowsBefore) if (!rowsAfter.has(key)) out.push({ table, before: row });
  }
  return out;
}

/** What a caller may write: their own rows, the groups they run, and what those groups hold. */
export interface Reach {
  users: Set<string>;
  cohorts: Set<string>;
  /** Cohorts the caller may read (run it, or any cohort for an admin). */
  readable: Set<string>;
  accountHashes: Set<string>;
  /** Open groups the caller belongs to: they add their own anonymous views there. */
  memberOf: Set<string>;
  /** Invitations addressed to the caller's email (stored as this hash): theirs to answer. */
  invitedAs: Set<string>;
  admin: boolean;
}

export function reachOf(caller: SessionUser | null, before: Snapshot, after: Snapshot): Reach {
  const users = before.get("users")!;
  const cohorts = before.get("cohorts")!;
  const reach: Reach = { users: new Set(), cohorts: new Set(), readable: new Set(), accountHashes: new Set(), memberOf: new Set(), invitedAs: new Set(), admin: false };
  // Accounts created by this request (sign-up, nickname join) are the caller's own.
  for (const [id, row] of after.get("users")!) {
    if (users.has(id)) continue;
    reach.users.add(id);
    reach.accountHashes.add(accountHash(String(row.email ?? row.login_name)));
  }
  if (!caller) return reach;
  const me = users.get(caller.id);
  reach.users.add(caller.id);
  if (me) reach.accountHashes.add(accountHash(String(me.email ?? me.login_name)));
  if (me?.email) reach.invitedAs.add(invitationEmailHash(String(me.email)));
  for (const m of before.get("cohort_members")!.values()) {
    if (m.user_id === caller.id && !cohorts.get(String(m.cohort_id))?.archived_at) reach.memberOf.add(String(m.cohort_id));
  }
  const runs = (caller.role === "facilitator" || caller.role === "admin") && me && !me.suspended_at;
  reach.admin = caller.role === "admin" && Boolean(me);
  if (reach.admin) for (const id of cohorts.keys()) reach.readable.add(id);
  if (!runs) return reach;
  const coRun = new Set([...before.get("cohort_facilitators")!.values()].filter((r) => r.user_id === caller.id).map((r) => String(r.cohort_id)));
  for (const [id, row] of cohorts) if (row.owner_id === caller.id || coRun.has(id)) reach.cohorts.add(id);
  for (const [id, row] of after.get("cohorts")!) if (!cohorts.has(id) && row.owner_id === caller.id) reach.cohorts.add(id);
  for (const m of before.get("cohort_members")!.values()) {
    if (!reach.cohorts.has(String(m.cohort_id))) continue;
    const member = users.get(String(m.user_id));
    if (member) reach.accountHashes.add(accountHash(String(member.email ?? member.login_name)));
    if (m.pseudonymous) reach.users.add(String(m.user_id));
  }
  for (const id of reach.cohorts) reach.readable.add(id);
  return reach;
}

const ADMIN_MAY_SET_ON_FACILITATORS = new Set(["suspended_at", "session_version"]);

/** Why the caller may not make this change, or null when the row is theirs to change. */
export function forbiddenChange(change: Change, reach: Reach, world: { before: Snapshot; after: Snapshot }): string | null {
  const attempts = new Map([...world.before.get("quiz_attempts")!, ...world.after.get("quiz_attempts")!]);
  const rows = [change.before, change.after].filter((r): r is Row => Boolean(r));
  const ok = (row: Row): boolean => {
    switch (change.table) {
      case "users":
        return reach.users.has(String(row.id));
      case "cohorts":
        return reach.cohorts.has(String(row.id));
      case "quiz_responses": {
        // An answer counts towards its attempt: both must be the caller's.
        const attempt = attempts.get(String(row.attempt_id));
        return reach.users.has(String(row.user_id)) && (!attempt || reach.users.has(String(attempt.user_id)));
      }
      case "cohort_invitations":
        // The group's (its owner invites and cancels), or the invited person's (accept, decline).
        return reach.cohorts.has(String(row.cohort_id)) || reach.invitedAs.has(String(row.email_hash));
      case "live_sessions":
        return reach.users.has(String(row.owner_id)) || (row.cohort_id !== null && reach.cohorts.has(String(row.cohort_id)));
      case "live_participants":
      case "live_answers": {
        // The caller's own place and answers, anyone's new nickname place in an ad hoc session,
        // or the rows of a session the caller runs (ending an ad hoc one forgets its people).
        if (row.user_id !== null && reach.users.has(String(row.user_id))) return true;
        if (change.table === "live_participants" && row.user_id === null && !change.before) return true;
        const session = world.before.get("live_sessions")?.get(String(row.session_id)) ?? world.after.get("live_sessions")?.get(String(row.session_id));
        return Boolean(session && (reach.users.has(String(session.owner_id)) || (session.cohort_id !== null && reach.cohorts.has(String(session.cohort_id)))));
      }
      case "xapi_settings":
        // One LRS per installation: admins set it up.
        return reach.admin;
      case "xapi_outbox":
        // A learner's statements go with their answers; admins retry dead letters of anyone's.
        return reach.admin || (row.user_id !== null && reach.users.has(String(row.user_id)));
      case "lti_platforms":
        // LMS registrations are the admins' (lib/lti/platforms.ts).
        return reach.admin;
      case "login_throttle":
      case "login_devices":
        return reach.accountHashes.has(String(row.account_hash));
      case "signing_keys":
        // The app's key is made at first use, by whoever's request needs it first; never changed by a request.
        return !change.before;
      case "credential_status": {
        // A status position taken for a credential of the caller's own, as it is issued.
        const credential = world.after.get("credentials")?.get(String(row.credential_id));
        return !change.before && Boolean(credential && reach.users.has(String(credential.user_id)));
      }
      default:
        // Any table that names a user or a group: the caller's own rows, or their groups' rows.
        if ("user_id" in row && reach.users.has(String(row.user_id))) return true;
        if ("cohort_id" in row && reach.cohorts.has(String(row.cohort_id))) return true;
        return false;
    }
  };
  if (rows.every(ok)) return null;
  // A member adds their anonymous views to their group: new answers, and one more in a batch.
  const row = change.after;
  if (row && reach.memberOf.has(String(row.cohort_id))) {
    if (change.table === "attitude_answers" && !change.before) return null;
    if (change.table === "attitude_batches" && (!change.before ? row.members === 1 : Number(row.members) === Number(change.before.members) + 1)) return null;
  }
  if (change.table === "users" && reach.admin && change.before && change.after && change.before.role === "facilitator") {
    const changed = Object.keys(change.after).filter((k) => change.after![k] !== change.before![k]);
    if (changed.every((k) => ADMIN_MAY_SET_ON_FACILITATORS.has(k))) return null;
  }
  return `${change.before ? (change.after ? "changed" : "deleted") : "inserted"} a row of ${change.table} the caller does not own: ${JSON.stringify(change.before ?? change.after).slice(0, 300)}`;
}
