// Accounts: sign-up and the credential check behind sign-in. Used by lib/auth/options.ts and
// the sign-up route; works on any Db handle so the tests run it on both engines.
import crypto from "node:crypto";
import { sql, type RawBuilder } from "kysely";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/schema";
import { AppError, errorKey } from "@/lib/errors";
import { userName } from "@/lib/text/name-schema";
import { log } from "@/lib/log";
import { checkNewPassword, hashPassword, verifyPassword, PASSWORD_MAX } from "./password";
import { clearFailures, recordFailure, throttleKeyFor, throttleWait, trustDevice } from "./throttle";

/** The signed-in user as every domain function receives it. */
export interface SessionUser {
  id: string;
  role: Role;
  displayName: string;
}

export const signUpInput = z.object({
  email: z.email(errorKey("validation.invalidFormat.email")).max(254).transform((e) => e.trim().toLowerCase()),
  displayName: userName("names.displayNameEmpty", 60),
  password: z.string().max(PASSWORD_MAX + 1),
  /** Anyone may run workshops or classes: a community leader has no admin to ask. */
  role: z.enum(["learner", "facilitator"]).default("learner"),
});
export type SignUpInput = z.infer<typeof signUpInput>;

/** The one message for a wrong password and an unknown account. */
export const SIGN_IN_FAILED = "Email or password is incorrect.";

export async function createAccount(handle: Db, input: Omit<SignUpInput, "role"> & { role?: SignUpInput["role"] }, role: Role = input.role ?? "learner"): Promise<SessionUser> {
  const problem = checkNewPassword(input.password, { email: input.email, name: input.displayName });
  if (problem) throw AppError.of("bad_request", problem, { field: "password" });
  const passwordHash = await hashPassword(input.password);
  const user = { id: crypto.randomUUID(), email: input.email, display_name: input.displayName, password_hash: passwordHash, role, created_at: new Date().toISOString(), login_name: null, suspended_at: null };
  const inserted = await handle.db
    .insertInto("users")
    .values(user)
    .onConflict((oc) => oc.column("email").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) throw new AppError("conflict", "auth.emailTaken", {}, { field: "email" });
  log("auth.sign_up", { userId: user.id, role });
  return { id: user.id, role, displayName: user.display_name };
}

export type SignInResult = { ok: true; user: SessionUser & { sessionVersion: number } } | { ok: false; reason: "invalid" | "throttled"; retryAfterMs?: number };

/**
 * Checks credentials. Unknown account and wrong password take the same path (a dummy hash
 * verify) and give the same answer. Throttling is per account and device (lib/auth/throttle.ts);
 * a successful sign-in makes the device trusted for this account.
 */
export async function authenticate(handle: Db, email: string, password: string, deviceId: string | null): Promise<SignInResult> {
  const account = email.trim().toLowerCase();
  const key = await throttleKeyFor(handle, account, deviceId);
  const wait = await throttleWait(handle, key);
  if (wait > 0) {
    log("auth.sign_in_throttled", { account: key.account_hash.slice(0, 12), retryAfterMs: wait });
    return { ok: false, reason: "throttled", retryAfterMs: wait };
  }
  const row =
    account && password.length <= PASSWORD_MAX
      ? await handle.db
          .selectFrom("users")
          .select(["id", "role", "display_name", "password_hash", "session_version"])
          // Nickname-only cohort accounts sign in with their generated login name.
          .where(account.includes("@") ? "email" : "login_name", "=", account)
          .executeTakeFirst()
      : undefined;
  const ok = await verifyPassword(row?.password_hash, password.slice(0, PASSWORD_MAX + 1));
  if (!ok || !row) {
    await recordFailure(handle, key);
    log("auth.sign_in_failed", { account: key.account_hash.slice(0, 12) });
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(handle, key);
  if (deviceId) await trustDevice(handle, account, deviceId);
  log("auth.sign_in", { userId: row.id });
  return { ok: true, user: { id: row.id, role: row.role, displayName: row.display_name, sessionVersion: row.session_version } };
}

export type SessionState = SessionUser & { sessionVersion: number; revoked: boolean };

/**
 * The current role and session version of a user, and whether the session `sessionId` was
 * signed out (lib/auth/revocation.ts), in one query: it runs on every authenticated request.
 * Undefined when the account is gone.
 */
export async function loadSessionState(handle: Db, userId: string, sessionId = ""): Promise<SessionState | undefined> {
  const row = await handle.db
    .selectFrom("users")
    .leftJoin("revoked_sessions", (join) => join.on((eb) => eb("revoked_sessions.session_id", "=", sessionId)))
    .select(["users.id", "users.role", "users.display_name", "users.session_version", "revoked_sessions.session_id as revoked_id"])
    .where("users.id", "=", userId)
    .executeTakeFirst();
  return row && { id: row.id, role: row.role, displayName: row.display_name, sessionVersion: row.session_version, revoked: row.revoked_id !== null };
}

/**
 * Whether a decoded session token still stands: it names a session id that was not signed out,
 * and the account exists with the same session version. The one rule for currentUser and the
 * JWT callback. A token without an id (issued before ids existed) cannot be revoked: refused.
 */
export async function validSession(handle: Db, token: Record<string, unknown>): Promise<SessionState | undefined> {
  const claim = sessionClaimOf(token);
  if (!claim) return undefined;
  const state = await loadSessionState(handle, claim.userId, claim.sessionId);
  return state && !state.revoked && state.sessionVersion === claim.sessionVersion ? state : undefined;
}

/** What a decoded session token claims, before the database has confirmed that it still stands. */
export interface SessionClaim {
  userId: string;
  sessionVersion: number;
  sessionId: string;
}

/** The claim of a decoded session token, or undefined for a token without one (issued before ids existed). */
export function sessionClaimOf(token: Record<string, unknown>): SessionClaim | undefined {
  if (typeof token.uid !== "string" || typeof token.sv !== "number" || typeof token.sid !== "string" || !token.sid) return undefined;
  return { userId: token.uid, sessionVersion: token.sv, sessionId: token.sid };
}

/**
 * validSession's rule as an SQL condition, for a write that checks the session in its own
 * statement (an answer on PostgreSQL, lib/progress/answers.ts): true while the account exists with
 * the claimed session version and the session was not signed out. It must say exactly what
 * validSession says; lib/auth/session-stands.db.test.ts holds the two side by side.
 */
export function sessionStands(claim: SessionClaim): RawBuilder<boolean> {
  return sql<boolean>`(exists (select 1 from users where id = ${claim.userId} and session_version = ${claim.sessionVersion})
    and not exists (select 1 from revoked_sessions where session_id = ${claim.sessionId}))`;
}

/** "Sign out everywhere": every session issued before this call stops working. */
export async function endAllSessions(handle: Db, userId: string): Promise<void> {
  await handle.db.updateTable("users").set((eb) => ({ session_version: eb("session_version", "+", 1) })).where("id", "=", userId).execute();
  log("auth.sign_out_everywhere", { userId });
}

/**
 * The first admin: from ADMIN_EMAIL / ADMIN_PASSWORD or `npm run admin:create`. Creates the
 * account, or promotes an existing one without touching its password.
 */
export async function ensureAdmin(handle: Db, admin: { email: string; password: string }): Promise<"created" | "promoted" | "unchanged"> {
  const email = admin.email.trim().toLowerCase();
  const existing = await handle.db.selectFrom("users").select(["id", "role"]).where("email", "=", email).executeTakeFirst();
  if (existing) {
    if (existing.role === "admin") return "unchanged";
    await handle.db.updateTable("users").set({ role: "admin" }).where("id", "=", existing.id).execute();
    log("auth.role_changed", { userId: existing.id, role: "admin", by: "environment" });
    return "promoted";
  }
  const user = await createAccount(handle, { email, displayName: "Administrator", password: admin.password }, "admin");
  log("admin.created", { userId: user.id });
  return "created";
}
