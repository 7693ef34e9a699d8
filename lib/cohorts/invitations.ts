// Co-facilitators by invitation. The owner names an email; whoever signs in with that email sees
// the invitation and accepts or declines it. Inviting answers the same whatever the email is (no
// account, a learner, a facilitator, the owner), so it reveals nothing about who has an account;
// only accepting, by the invited account itself, makes a co-facilitator.
import "server-only";
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/accounts";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import { AppError, errorKey } from "@/lib/errors";
import { log } from "@/lib/log";
import { cohortFor, requireFacilitator } from "./access";

/** Long enough to reach someone who signs in once a week; short enough not to linger. */
export const INVITATION_DAYS = 14;
/** Pending invitations a group may hold at once (a group has a handful of facilitators). */
export const MAX_PENDING = 20;

export const invitationEmail = z.email(errorKey("validation.invalidFormat.email")).max(254);
export const inviteInput = z.strictObject({ email: invitationEmail });

/** What an invitation is matched by: the lower-cased email, hashed (the email itself is not kept). */
export function invitationEmailHash(email: string): string {
  return crypto.createHash("sha256").update(`cohort-invitation\u0000${email.trim().toLowerCase()}`).digest("hex");
}

/** Enough for the owner to tell invitations apart: "k…@example.org". */
export function emailHint(email: string): string {
  const e = email.trim().toLowerCase();
  const at = e.lastIndexOf("@");
  return `${[...e.slice(0, at)][0] ?? ""}…${e.slice(at)}`;
}

const now = () => new Date().toISOString();

/**
 * Invites each email to co-facilitate the cohort, inside the caller's transaction (the caller has
 * checked that the actor owns it). Inviting an email again renews its invitation.
 */
export async function addInvitations(trx: Kysely<Database>, cohortId: string, emails: string[]): Promise<void> {
  if (!emails.length) return;
  const at = new Date();
  const created_at = at.toISOString();
  const expires_at = new Date(at.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  await trx.deleteFrom("cohort_invitations").where("cohort_id", "=", cohortId).where("expires_at", "<=", created_at).execute();
  for (const email of new Set(emails.map((e) => e.trim().toLowerCase()))) {
    await trx
      .insertInto("cohort_invitations")
      .values({ id: crypto.randomUUID(), cohort_id: cohortId, email_hash: invitationEmailHash(email), email_hint: emailHint(email), created_at, expires_at })
      .onConflict((oc) => oc.columns(["cohort_id", "email_hash"]).doUpdateSet({ created_at, expires_at }))
      .execute();
  }
  const pending = await trx.selectFrom("cohort_invitations").select((eb) => eb.fn.countAll<number>().as("n")).where("cohort_id", "=", cohortId).executeTakeFirstOrThrow();
  if (Number(pending.n) > MAX_PENDING) {
    throw new AppError("conflict", "cohorts.tooManyInvitations", { maximum: MAX_PENDING }, { field: "email" });
  }
}

/** The cohort, if the actor owns it: only the owner invites, sees and cancels invitations. */
async function ownedCohort(handle: Db, actor: SessionUser, cohortId: string) {
  const cohort = await cohortFor(handle, actor, cohortId, "manage");
  if (cohort.owner_id !== actor.id) {
    log("auth.denied", { userId: actor.id, reason: "not the cohort's owner" });
    throw new AppError("forbidden", "cohorts.ownerInvitesOnly");
  }
  return cohort;
}

export interface PendingInvitation {
  id: string;
  emailHint: string;
  expiresAt: string;
}

async function pendingFor(db: Kysely<Database>, cohortId: string): Promise<PendingInvitation[]> {
  const rows = await db
    .selectFrom("cohort_invitations")
    .select(["id", "email_hint", "expires_at"])
    .where("cohort_id", "=", cohortId)
    .where("expires_at", ">", now())
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, emailHint: r.email_hint, expiresAt: r.expires_at }));
}

/** The owner invites one more co-facilitator. The answer is the same for every email. */
export async function inviteCoFacilitator(handle: Db, actor: SessionUser, cohortId: string, input: z.infer<typeof inviteInput>): Promise<{ ok: true }> {
  await ownedCohort(handle, actor, cohortId);
  await writeTx(handle, (trx) => addInvitations(trx, cohortId, [input.email]));
  return { ok: true };
}

/** The owner's list of pending invitations (masked emails and when each expires). */
export async function cohortInvitations(handle: Db, actor: SessionUser, cohortId: string): Promise<PendingInvitation[]> {
  await ownedCohort(handle, actor, cohortId);
  return pendingFor(handle.db, cohortId);
}

/** For the group's page: the pending invitations if the actor owns the group, or null. */
export async function invitationsIfOwner(handle: Db, actor: SessionUser, cohortId: string): Promise<PendingInvitation[] | null> {
  const cohort = await cohortFor(handle, actor, cohortId, "read");
  return cohort.owner_id === actor.id ? pendingFor(handle.db, cohortId) : null;
}

export async function cancelInvitation(handle: Db, actor: SessionUser, cohortId: string, invitationId: string): Promise<void> {
  await ownedCohort(handle, actor, cohortId);
  const r = await handle.db.deleteFrom("cohort_invitations").where("id", "=", invitationId).where("cohort_id", "=", cohortId).executeTakeFirst();
  if (!Number(r.numDeletedRows)) throw new AppError("not_found", "notFound.invitation");
}

/** The hash invitations to this account are stored under, or null for nickname-only accounts. */
async function myEmailHash(db: Kysely<Database>, actor: SessionUser): Promise<string | null> {
  const row = await db.selectFrom("users").select("email").where("id", "=", actor.id).executeTakeFirst();
  return row?.email ? invitationEmailHash(row.email) : null;
}

/** One pending invitation to the actor's own email; anyone else's is "not found". */
async function myInvitation(db: Kysely<Database>, actor: SessionUser, invitationId: string) {
  const hash = await myEmailHash(db, actor);
  const row = hash
    ? await db.selectFrom("cohort_invitations").select(["id", "cohort_id"]).where("id", "=", invitationId).where("email_hash", "=", hash).where("expires_at", ">", now()).executeTakeFirst()
    : undefined;
  if (!row) {
    log("auth.denied", { userId: actor.id, reason: "invitation not theirs or not pending" });
    throw new AppError("not_found", "cohorts.invitationGone");
  }
  return row;
}

export interface MyInvitation {
  id: string;
  cohortName: string;
  ownerName: string;
  expiresAt: string;
}

/** Invitations to the signed-in account's email that are still pending. */
export async function myInvitations(handle: Db, actor: SessionUser): Promise<MyInvitation[]> {
  const hash = await myEmailHash(handle.db, actor);
  if (!hash) return [];
  const rows = await handle.db
    .selectFrom("cohort_invitations as i")
    .innerJoin("cohorts as c", "c.id", "i.cohort_id")
    .innerJoin("users as u", "u.id", "c.owner_id")
    .select(["i.id", "i.expires_at", "c.name", "u.display_name"])
    .where("i.email_hash", "=", hash)
    .where("i.expires_at", ">", now())
    .orderBy("i.created_at")
    .orderBy("i.id")
    .execute();
  return rows.map((r) => ({ id: r.id, cohortName: r.name, ownerName: r.display_name, expiresAt: r.expires_at }));
}

/** The invited account accepts: from now on it co-facilitates the group. */
export async function acceptInvitation(handle: Db, actor: SessionUser, invitationId: string): Promise<{ cohortId: string }> {
  await myInvitation(handle.db, actor, invitationId);
  if (actor.role === "learner") {
    throw new AppError("forbidden", "auth.learnerCannotRunGroup");
  }
  await requireFacilitator(handle.db, actor);
  return writeTx(handle, async (trx) => {
    // Checked again inside the transaction: the owner may have cancelled it meanwhile.
    const invitation = await myInvitation(trx, actor, invitationId);
    const cohort = await trx.selectFrom("cohorts").select("owner_id").where("id", "=", invitation.cohort_id).executeTakeFirstOrThrow();
    const member = await trx.selectFrom("cohort_members").select("user_id").where("cohort_id", "=", invitation.cohort_id).where("user_id", "=", actor.id).executeTakeFirst();
    // As joinCohort says the other way round: a learner's answers would count in reports they read.
    if (member) throw new AppError("conflict", "cohorts.learnerInGroup");
    if (cohort.owner_id !== actor.id) {
      await trx.insertInto("cohort_facilitators").values({ cohort_id: invitation.cohort_id, user_id: actor.id }).onConflict((oc) => oc.doNothing()).execute();
    }
    await trx.deleteFrom("cohort_invitations").where("id", "=", invitation.id).execute();
    log("auth.role_changed", { userId: actor.id, cohortId: invitation.cohort_id, change: "co-facilitator invitation accepted" });
    return { cohortId: invitation.cohort_id };
  });
}

/** The invited account declines (learners too): the invitation is gone. */
export async function declineInvitation(handle: Db, actor: SessionUser, invitationId: string): Promise<void> {
  const invitation = await myInvitation(handle.db, actor, invitationId);
  await handle.db.deleteFrom("cohort_invitations").where("id", "=", invitation.id).execute();
}

/** For account deletion: invitations addressed to this email go with the account. */
export async function forgetInvitationsTo(trx: Kysely<Database>, email: string): Promise<void> {
  await trx.deleteFrom("cohort_invitations").where("email_hash", "=", invitationEmailHash(email)).execute();
}
