// Running cohorts: create, share a join code, join (with an account or a nickname only), help a
// learner back in, set assignments, archive and delete. Every function checks the actor first.
import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { CohortKind } from "@/lib/db/schema";
import type { SessionUser } from "@/lib/auth/accounts";
import { hashPassword } from "@/lib/auth/password";
import { generatePassphrase } from "@/lib/auth/passphrase";
import { forgetAccountSignInState } from "@/lib/auth/throttle";
import { findLessonQuiz, getTrack, isGradedActivity } from "@/lib/content";
import { activityKindOf } from "@/lib/content/activity-id";
import { planAssignments } from "@/lib/content/plan";
import { AppError, errorKey } from "@/lib/errors";
import { userName } from "@/lib/text/name-schema";
import { log } from "@/lib/log";
import { UNKNOWN_CLIENT, type Client } from "@/lib/ratelimit/client";
import { consume, countFailure, perClient, refuseIfSpent } from "@/lib/ratelimit/limiter";
import { NICKNAME_MEMBERS_MAX } from "@/lib/ratelimit/limits";
import { cohortFor, requireFacilitator } from "./access";
import { isPastDay } from "./due-date";
import { addInvitations, invitationEmail } from "./invitations";
import { eraseSubject } from "@/lib/account/delete";

const now = () => new Date().toISOString();

/** Join codes avoid letters and digits that are easy to confuse (0/O, 1/I/L). */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;

export function newJoinCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]).join("");
}

/** What people type: spaces, dashes and lower case are forgiven. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export const createCohortInput = z.strictObject({
  name: userName("names.groupEmpty", 80),
  kind: z.enum(["workshop", "class"]),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  trackId: z.string().regex(/^[a-z0-9-]+$/),
  coFacilitatorEmails: z.array(invitationEmail).max(5).default([]),
});
export type CreateCohortInput = z.infer<typeof createCohortInput>;

export async function createCohort(handle: Db, actor: SessionUser, input: CreateCohortInput): Promise<{ id: string; joinCode: string }> {
  await requireFacilitator(handle.db, actor);
  const track = getTrack(input.locale, input.trackId);
  if (!track) throw new AppError("bad_request", "content.unknownTrack", {}, { field: "trackId" });
  const id = crypto.randomUUID();
  return writeTx(handle, async (trx) => {
    let joinCode = newJoinCode();
    // Codes are random over 31^8; a clash is rare, but check rather than hope.
    while (await trx.selectFrom("cohorts").select("id").where("join_code", "=", joinCode).executeTakeFirst()) joinCode = newJoinCode();
    await trx
      .insertInto("cohorts")
      .values({ id, name: input.name, kind: input.kind as CohortKind, locale: input.locale, course_id: track.course, track_id: track.id, join_code: joinCode, owner_id: actor.id, created_at: now(), archived_at: null })
      .execute();
    // A class on the school plan starts with the plan's lessons set (its checks and the course
    // lessons each school lesson draws on), with no due date until the teacher picks one: the
    // teacher removes what the class skips rather than rebuilding the plan from the course list.
    const planned = planAssignments(track).filter((a) => isGradedActivity(input.locale, track.course, a.activityId) || findLessonQuiz(input.locale, track.course, a.activityId));
    if (planned.length > 0) {
      await trx
        .insertInto("assignments")
        .values(planned.map((a) => ({ id: crypto.randomUUID(), cohort_id: id, activity_id: a.activityId, due_at: null, created_at: now() })))
        .execute();
    }
    // Invitations, not memberships: the same answer for any email, and a co-facilitator only once
    // the invited account accepts (lib/cohorts/invitations.ts).
    await addInvitations(trx, id, input.coFacilitatorEmails);
    return { id, joinCode };
  });
}

async function cohortByCode(handle: Db, code: string) {
  const joinCode = normaliseJoinCode(code);
  const cohort = JOIN_CODE.test(joinCode)
    ? await handle.db.selectFrom("cohorts").select(["id", "name", "archived_at", "locale", "course_id"]).where("join_code", "=", joinCode).executeTakeFirst()
    : undefined;
  if (!cohort || cohort.archived_at) throw new AppError("not_found", "cohorts.noGroupWithCode", {}, { field: "code" });
  return cohort;
}

/**
 * cohortByCode, with codes that open nothing counted per client (lib/ratelimit/limits.ts): a
 * client that used up its misses is refused before the lookup, so guessing learns nothing more.
 */
async function cohortByCodeLimited(handle: Db, code: string, client: Client) {
  const misses = perClient(client, "codeMissPerDevice", "codeMissPerAddress");
  await refuseIfSpent(handle, ...misses);
  try {
    return await cohortByCode(handle, code);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") await countFailure(handle, ...misses);
    throw e;
  }
}

/** The cohort a code opens (name only), so the join page can say what you are joining. */
export async function describeJoinCode(handle: Db, code: string, client: Client = UNKNOWN_CLIENT): Promise<{ name: string }> {
  const c = await cohortByCodeLimited(handle, code, client);
  return { name: c.name };
}

/**
 * A signed-in learner joins with a code. Joining twice is harmless (and counts against no limit);
 * a new member counts against the group's and the account's join limits.
 */
export async function joinCohort(handle: Db, actor: SessionUser, code: string, client: Client = UNKNOWN_CLIENT): Promise<{ cohortId: string; name: string }> {
  const cohort = await cohortByCodeLimited(handle, code, client);
  // Whoever runs a group is not also one of its learners: their answers would count in the
  // group's reports and its anonymous "Your views" totals, which they read.
  const runs = await handle.db
    .selectFrom("cohorts as c")
    .leftJoin("cohort_facilitators as f", (j) => j.onRef("f.cohort_id", "=", "c.id").on("f.user_id", "=", actor.id))
    .select(["c.owner_id", "f.user_id as co"])
    .where("c.id", "=", cohort.id)
    .executeTakeFirstOrThrow();
  if (runs.owner_id === actor.id || runs.co === actor.id) {
    throw new AppError("conflict", "cohorts.ownerCannotJoin", {}, { field: "code" });
  }
  const member = await handle.db.selectFrom("cohort_members").select("user_id").where("cohort_id", "=", cohort.id).where("user_id", "=", actor.id).executeTakeFirst();
  if (member) return { cohortId: cohort.id, name: cohort.name };
  await consume(handle, ["joinPerAccount", actor.id], ["joinPerGroup", cohort.id]);
  await handle.db
    .insertInto("cohort_members")
    .values({ cohort_id: cohort.id, user_id: actor.id, joined_at: now(), pseudonymous: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { cohortId: cohort.id, name: cohort.name };
}

export const nicknameInput = z.strictObject({
  code: z.string().max(20),
  // Marks and joiners too, so names in Hindi, Tamil or Persian are not refused for their spelling.
  nickname: userName("names.nicknameEmpty", 30).regex(/^[\p{L}\p{M}\p{N} ._\u200C\u200D-]+$/u, errorKey("names.nicknameCharacters")),
});

/**
 * A pseudonymous account for one cohort: a random id, the nickname, a generated login name and
 * passphrase (returned once, never stored in the clear). No email, no birth date.
 * Limited per client and per group, and capped per group (lib/ratelimit/limits.ts), so nobody,
 * the facilitator included, can flood a group with made-up members.
 */
export async function joinWithNickname(
  handle: Db,
  input: z.infer<typeof nicknameInput>,
  client: Client = UNKNOWN_CLIENT,
): Promise<{ userId: string; loginName: string; passphrase: string; cohortId: string; cohortName: string }> {
  const cohort = await cohortByCodeLimited(handle, input.code, client);
  // Counted before the passphrase hash: a refused request costs no hashing.
  await consume(handle, ...perClient(client, "nicknameJoinPerDevice", "nicknameJoinPerAddress"), ["joinPerGroup", cohort.id]);
  const passphrase = generatePassphrase();
  const passwordHash = await hashPassword(passphrase);
  const base = input.nickname.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 20) || "learner";
  const userId = crypto.randomUUID();
  return writeTx(handle, async (trx) => {
    let loginName = "";
    for (let i = 0; i < 20 && !loginName; i++) {
      const candidate = `${base}-${crypto.randomInt(1000, 10000)}`;
      if (!(await trx.selectFrom("users").select("id").where("login_name", "=", candidate).executeTakeFirst())) loginName = candidate;
    }
    if (!loginName) throw new AppError("conflict", "cohorts.tryAnotherNickname");
    // Counted inside the write transaction, so simultaneous joins cannot pass the cap together:
    // SQLite's transaction holds the write lock; on PostgreSQL the group's row is locked.
    if (handle.kind === "postgres") await trx.selectFrom("cohorts").select("id").where("id", "=", cohort.id).forUpdate().execute();
    const nicknames = await trx
      .selectFrom("cohort_members")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("cohort_id", "=", cohort.id)
      .where("pseudonymous", "=", 1)
      .executeTakeFirstOrThrow();
    if (Number(nicknames.n) >= NICKNAME_MEMBERS_MAX) {
      throw new AppError("conflict", "cohorts.nicknamesFull");
    }
    await trx
      .insertInto("users")
      .values({ id: userId, email: null, login_name: loginName, display_name: input.nickname, password_hash: passwordHash, role: "learner", created_at: now(), suspended_at: null })
      .execute();
    await trx.insertInto("cohort_members").values({ cohort_id: cohort.id, user_id: userId, joined_at: now(), pseudonymous: 1 }).execute();
    log("auth.sign_up", { userId, role: "learner", pseudonymous: true });
    return { userId, loginName, passphrase, cohortId: cohort.id, cohortName: cohort.name };
  });
}

async function memberOr404(handle: Db, cohortId: string, learnerId: string) {
  const m = await handle.db
    .selectFrom("cohort_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.email", "u.login_name", "m.pseudonymous"])
    .where("m.cohort_id", "=", cohortId)
    .where("m.user_id", "=", learnerId)
    .executeTakeFirst();
  if (!m) throw new AppError("not_found", "cohorts.learnerNotInGroup");
  return m;
}

/** A facilitator gives a nickname-only learner a new passphrase (shown once) and ends their sessions. */
export async function resetLearnerPassphrase(handle: Db, actor: SessionUser, cohortId: string, learnerId: string): Promise<{ loginName: string; passphrase: string }> {
  await cohortFor(handle, actor, cohortId, "manage");
  const m = await memberOr404(handle, cohortId, learnerId);
  if (!m.pseudonymous || !m.login_name) throw new AppError("bad_request", "cohorts.onlyNicknameReset");
  const passphrase = generatePassphrase();
  const passwordHash = await hashPassword(passphrase);
  await handle.db
    .updateTable("users")
    .set((eb) => ({ password_hash: passwordHash, session_version: eb("session_version", "+", 1) }))
    .where("id", "=", learnerId)
    .execute();
  await forgetAccountSignInState(handle, m.login_name);
  log("auth.role_changed", { userId: learnerId, by: actor.id, change: "passphrase reset" });
  return { loginName: m.login_name, passphrase };
}

/** Lifts a learner's sign-in throttle (they typed the passphrase wrong too often). */
export async function liftLearnerThrottle(handle: Db, actor: SessionUser, cohortId: string, learnerId: string): Promise<void> {
  await cohortFor(handle, actor, cohortId, "manage");
  const m = await memberOr404(handle, cohortId, learnerId);
  const account = m.email ?? m.login_name;
  if (account) await forgetAccountSignInState(handle, account);
}

/** What can be set due: a lesson, a check slot or a booster, by its stored id (lib/content/activity-id.ts). */
export const assignableActivityId = z.string().refine((id) => {
  const kind = activityKindOf(id);
  return kind === "lesson" || kind === "check" || kind === "booster";
}, errorKey("content.unknownActivity"));

export const assignmentInput = z.strictObject({
  activityId: assignableActivityId,
  /** A calendar day ("2026-12-15"), or null: "no due date", chosen on purpose. */
  dueAt: z.iso.date({ error: (issue) => (issue.input === undefined ? errorKey("cohorts.dueMissing") : errorKey("cohorts.dueInvalid")) }).nullable(),
});

export async function setAssignment(handle: Db, actor: SessionUser, cohortId: string, input: z.infer<typeof assignmentInput>, asOf = new Date()): Promise<{ id: string }> {
  const cohort = await cohortFor(handle, actor, cohortId, "manage");
  if (!findLessonQuiz(cohort.locale, cohort.course_id, input.activityId) && !isGradedActivity(cohort.locale, cohort.course_id, input.activityId)) {
    throw new AppError("bad_request", "content.unknownActivity", {}, { field: "activityId" });
  }
  if (input.dueAt !== null && isPastDay(input.dueAt, asOf)) throw new AppError("bad_request", "cohorts.duePassed", {}, { field: "dueAt" });
  const id = crypto.randomUUID();
  const dueAt = input.dueAt === null ? null : `${input.dueAt}T23:59:59.000Z`;
  await handle.db
    .insertInto("assignments")
    .values({ id, cohort_id: cohortId, activity_id: input.activityId, due_at: dueAt, created_at: now() })
    .onConflict((oc) => oc.columns(["cohort_id", "activity_id"]).doUpdateSet({ due_at: dueAt }))
    .execute();
  return { id };
}

export async function removeAssignment(handle: Db, actor: SessionUser, cohortId: string, activityId: string): Promise<void> {
  await cohortFor(handle, actor, cohortId, "manage");
  await handle.db.deleteFrom("assignments").where("cohort_id", "=", cohortId).where("activity_id", "=", activityId).execute();
}

export async function archiveCohort(handle: Db, actor: SessionUser, cohortId: string, archived: boolean): Promise<void> {
  await cohortFor(handle, actor, cohortId, "manage");
  await handle.db.updateTable("cohorts").set({ archived_at: archived ? now() : null }).where("id", "=", cohortId).execute();
}

/**
 * Deletes a cohort and all its learners' cohort data: memberships, assignments, "Your views"
 * answers, and the nickname-only accounts made for it (with their answers). Learners with their
 * own accounts keep their own progress; only their membership goes.
 */
export async function deleteCohort(handle: Db, actor: SessionUser, cohortId: string): Promise<{ accountsDeleted: number }> {
  await cohortFor(handle, actor, cohortId, "manage");
  return writeTx(handle, async (trx) => {
    // The nickname accounts made for this group go whole, through the privacy registry that account
    // deletion uses, so no table of theirs (sign-in throttles, devices, arms...) is left behind.
    const pseudo = await trx
      .selectFrom("cohort_members")
      .innerJoin("users", "users.id", "cohort_members.user_id")
      .select(["users.id", "users.email", "users.login_name"])
      .where("cohort_members.cohort_id", "=", cohortId)
      .where("cohort_members.pseudonymous", "=", 1)
      .execute();
    for (const p of pseudo) await eraseSubject(trx, { id: p.id, email: p.email, loginName: p.login_name });
    // "Your views": the anonymous answers, who answered, and the batches they were counted in.
    await trx.deleteFrom("attitude_answers").where("cohort_id", "=", cohortId).execute();
    await trx.deleteFrom("attitude_submissions").where("cohort_id", "=", cohortId).execute();
    await trx.deleteFrom("attitude_batches").where("cohort_id", "=", cohortId).execute();
    await trx.deleteFrom("assignments").where("cohort_id", "=", cohortId).execute();
    await trx.deleteFrom("cohort_members").where("cohort_id", "=", cohortId).execute();
    await trx.deleteFrom("cohort_facilitators").where("cohort_id", "=", cohortId).execute();
    await trx.deleteFrom("cohort_invitations").where("cohort_id", "=", cohortId).execute();
    await trx.deleteFrom("cohorts").where("id", "=", cohortId).execute();
    log("account.deleted", { by: actor.id, cohortId, accounts: pseudo.length });
    return { accountsDeleted: pseudo.length };
  });
}

/** An admin suspends (or restores) a facilitator; their cohorts stay readable by admins. */
export async function setFacilitatorSuspended(handle: Db, actor: SessionUser, facilitatorId: string, suspended: boolean): Promise<void> {
  if (actor.role !== "admin") {
    log("auth.denied", { userId: actor.id, reason: "not an admin" });
    throw new AppError("forbidden", "cohorts.adminOnly");
  }
  const target = await handle.db.selectFrom("users").select("role").where("id", "=", facilitatorId).executeTakeFirst();
  if (!target || target.role !== "facilitator") throw new AppError("not_found", "notFound.facilitator");
  await handle.db
    .updateTable("users")
    .set((eb) => ({ suspended_at: suspended ? now() : null, session_version: eb("session_version", "+", 1) }))
    .where("id", "=", facilitatorId)
    .execute();
  log("auth.role_changed", { userId: facilitatorId, by: actor.id, change: suspended ? "suspended" : "restored" });
}
