// Ending one session on the server (issue #19): a plain sign-out records the session's id, and
// every later use of a token carrying it is refused (lib/auth/session.ts, the JWT callback in
// lib/auth/options.ts). "Sign out everywhere" is the user's session version (accounts.ts).
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";

/** How long a session lasts without use; next-auth re-issues its token, with the same id, on use. */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/** A new session's id, put in its token at sign-in. */
export function newSessionId(): string {
  return crypto.randomUUID();
}

/**
 * Revokes the session `sessionId`. The row is kept for a whole session lifetime from now, not
 * until the presented token's own expiry: a copy of the token refreshed later than the one
 * signing out expires later too, and must stay refused until it does.
 */
export async function revokeSession(handle: Db, sessionId: string, now = new Date()): Promise<void> {
  const expires = new Date(now.getTime() + SESSION_MAX_AGE_S * 1000).toISOString();
  await handle.db
    .insertInto("revoked_sessions")
    .values({ session_id: sessionId, expires_at: expires })
    .onConflict((oc) => oc.column("session_id").doUpdateSet({ expires_at: expires }))
    .execute();
  await pruneRevokedSessions(handle, now);
}

/** Forgets revocations no token can outlive any more (on start, and after each revocation). */
export async function pruneRevokedSessions(handle: Db, now = new Date()): Promise<void> {
  await handle.db.deleteFrom("revoked_sessions").where("expires_at", "<", now.toISOString()).execute();
}
