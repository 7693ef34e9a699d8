// A signed-in learner changes their password (issue #23): the current password is asked again,
// under the sign-in throttle (as deleting the account is), the new one must pass the same policy
// as at sign-up, and every session of the account ends, since a changed password is how a learner
// shuts out someone who knew the old one. The page then signs this browser in again with the new
// password (components/account/change-password.tsx), so the learner stays signed in here.
// Nickname-only accounts have no password of their own: their facilitator gives them a new
// passphrase (lib/cohorts/mutations.ts resetLearnerPassphrase).
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { AppError, errorKey } from "@/lib/errors";
import { log } from "@/lib/log";
import type { SessionUser } from "./accounts";
import { checkNewPassword, hashPassword, verifyPassword, PASSWORD_MAX } from "./password";
import { throttledPasswordCheck } from "./throttle";

export const passwordChangeInput = z.strictObject({
  currentPassword: z.string().min(1, errorKey("auth.enterCurrentPassword")).max(200),
  newPassword: z.string().min(1, errorKey("auth.enterNewPassword")).max(PASSWORD_MAX + 1),
});
export type PasswordChangeInput = z.infer<typeof passwordChangeInput>;

/** Whether the account signs in with an email and a password of its own (not a nickname account). */
export async function hasOwnPassword(handle: Db, actor: SessionUser): Promise<boolean> {
  const row = await handle.db.selectFrom("users").select("email").where("id", "=", actor.id).executeTakeFirst();
  return Boolean(row?.email);
}

/** The same, for the account page (pages may not open the database themselves). */
export async function canChangePassword(actor: SessionUser): Promise<boolean> {
  return hasOwnPassword(await getDb(), actor);
}

/**
 * Changes the actor's password and ends every session of the account (the session version goes
 * up in the same statement). Returns the email, for the browser to sign in again with.
 */
export async function changePassword(handle: Db, actor: SessionUser, input: PasswordChangeInput, deviceId: string | null = null): Promise<{ signInName: string }> {
  const row = await handle.db.selectFrom("users").select(["email", "display_name", "password_hash"]).where("id", "=", actor.id).executeTakeFirst();
  if (!row) throw new AppError("not_found", "notFound.account");
  if (!row.email) {
    throw new AppError("forbidden", "auth.nicknameAccount");
  }
  // The new password is checked first: it costs nothing and says nothing about the current one.
  if (input.newPassword === input.currentPassword) throw new AppError("bad_request", "auth.samePassword", {}, { field: "newPassword" });
  const problem = checkNewPassword(input.newPassword, { email: row.email, name: row.display_name });
  if (problem) throw AppError.of("bad_request", problem, { field: "newPassword" });

  const checked = await throttledPasswordCheck(handle, row.email, deviceId, () => verifyPassword(row.password_hash, input.currentPassword));
  if (!checked.ok && checked.retryAfterMs > 0) {
    const seconds = Math.ceil(checked.retryAfterMs / 1000);
    const minutes = Math.ceil(seconds / 60);
    throw new AppError("throttled", "auth.tooManyWrongPasswords", { minutes }, { field: "currentPassword", retryAfterSeconds: seconds });
  }
  if (!checked.ok) throw new AppError("forbidden", "auth.wrongCurrentPassword", {}, { field: "currentPassword" });

  const passwordHash = await hashPassword(input.newPassword);
  await handle.db
    .updateTable("users")
    .set((eb) => ({ password_hash: passwordHash, session_version: eb("session_version", "+", 1) }))
    .where("id", "=", actor.id)
    .execute();
  log("auth.password_changed", { userId: actor.id });
  return { signInName: row.email };
}
