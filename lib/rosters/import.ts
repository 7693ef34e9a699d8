// Importing a class roster (OneRoster 1.2 CSV) as groups: preview what would change, then apply
// it in one transaction, or nothing at all. Facilitators only, into groups they own: a roster's
// links belong to the facilitator who imported it (migration 0021), so a re-import finds their
// own groups and learners and nobody else's. New learners get nickname accounts like those made
// with a join code (no email, no birth date) and a passphrase shown once, on the sign-in sheet.
import "server-only";
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/accounts";
import { hashPassword } from "@/lib/auth/password";
import { generatePassphrase } from "@/lib/auth/passphrase";
import { getTrack, findLessonQuiz, isGradedActivity } from "@/lib/content";
import { planAssignments } from "@/lib/content/plan";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { requireFacilitator } from "@/lib/cohorts/access";
import { addInvitations, invitationEmailHash } from "@/lib/cohorts/invitations";
import { newJoinCode } from "@/lib/cohorts/mutations";
import { isEmptyPlan, planRoster, readRoster, type ClassAction, type ClassPlan, type Existing, type RosterIssue, type RosterPlan } from "./oneroster";

/** The three files' text; 64 KB of JSON at most reaches here (lib/http/body.ts), a few hundred learners. */
export const rosterInput = z.strictObject({
  classes: z.string().max(60_000),
  users: z.string().max(60_000),
  enrollments: z.string().max(60_000),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  trackId: z.string().regex(/^[a-z0-9-]+$/).max(60),
});
export type RosterInput = z.infer<typeof rosterInput>;

export interface RosterPreview {
  classes: { sourcedId: string; title: string; action: ClassAction; add: number; remove: number; invite: number }[];
  newLearners: number;
  renamed: number;
  unchanged: boolean;
  errors: RosterIssue[];
  warnings: RosterIssue[];
}

export interface RosterResult {
  groups: { id: string; name: string; action: ClassAction }[];
  /** Passphrases are in this answer only: shown once on the sign-in sheet, never stored in the clear. */
  newLearners: { nickname: string; loginName: string; passphrase: string; group: string }[];
  added: number;
  removed: number;
}

const now = () => new Date().toISOString();

async function existingFor(db: Kysely<Database>, ownerId: string): Promise<Existing> {
  const [classes, members, learners] = await Promise.all([
    db
      .selectFrom("roster_classes as r")
      .innerJoin("cohorts as c", "c.id", "r.cohort_id")
      .select(["r.source_id", "c.id", "c.name", "c.archived_at"])
      .where("r.owner_id", "=", ownerId)
      .execute(),
    db
      .selectFrom("roster_classes as r")
      .innerJoin("cohort_members as m", "m.cohort_id", "r.cohort_id")
      .select(["r.source_id", "m.user_id"])
      .where("r.owner_id", "=", ownerId)
      .execute(),
    db
      .selectFrom("roster_learners as r")
      .innerJoin("users as u", "u.id", "r.user_id")
      .select(["r.source_id", "u.id", "u.display_name"])
      .where("r.owner_id", "=", ownerId)
      .execute(),
  ]);
  const byClass = new Map<string, Set<string>>();
  for (const m of members) byClass.set(m.source_id, (byClass.get(m.source_id) ?? new Set()).add(m.user_id));
  return {
    classes: new Map(classes.map((c) => [c.source_id, { cohortId: c.id, name: c.name, archived: Boolean(c.archived_at), members: byClass.get(c.source_id) ?? new Set() }])),
    learners: new Map(learners.map((l) => [l.source_id, { userId: l.id, nickname: l.display_name }])),
  };
}

/** Teachers already helping run the group, or already invited, are not invited again. */
async function withoutKnownTeachers(db: Kysely<Database>, actor: SessionUser, plan: RosterPlan): Promise<RosterPlan> {
  const me = await db.selectFrom("users").select("email").where("id", "=", actor.id).executeTakeFirst();
  const classes = [];
  for (const c of plan.classes) {
    let invite = c.invite.filter((e) => e !== me?.email?.toLowerCase());
    if (c.cohortId && invite.length) {
      const [team, invited] = await Promise.all([
        db.selectFrom("cohort_facilitators as f").innerJoin("users as u", "u.id", "f.user_id").select("u.email").where("f.cohort_id", "=", c.cohortId).execute(),
        db.selectFrom("cohort_invitations").select("email_hash").where("cohort_id", "=", c.cohortId).where("expires_at", ">", now()).execute(),
      ]);
      const emails = new Set(team.map((t) => t.email?.toLowerCase()));
      const hashes = new Set(invited.map((i) => i.email_hash));
      invite = invite.filter((e) => !emails.has(e) && !hashes.has(invitationEmailHash(e)));
    }
    classes.push({ ...c, invite });
  }
  return { ...plan, classes };
}

async function planFor(db: Kysely<Database>, actor: SessionUser, input: RosterInput): Promise<RosterPlan> {
  const track = getTrack(input.locale, input.trackId);
  if (!track) throw new AppError("bad_request", "content.unknownTrack", {}, { field: "trackId" });
  const plan = planRoster(readRoster(input), await existingFor(db, actor.id));
  return plan.errors.length ? plan : withoutKnownTeachers(db, actor, plan);
}

/** What importing the roster would change, with every problem and warning by file and line. Writes nothing. */
export async function previewRoster(handle: Db, actor: SessionUser, input: RosterInput): Promise<RosterPreview> {
  await requireFacilitator(handle.db, actor);
  const plan = await planFor(handle.db, actor, input);
  return {
    classes: plan.classes.map((c) => ({ sourcedId: c.sourcedId, title: c.title, action: c.action, add: c.add.length, remove: c.remove.length, invite: c.invite.length })),
    newLearners: plan.newLearners.length,
    renamed: plan.renamed.length,
    unchanged: isEmptyPlan(plan),
    errors: plan.errors,
    warnings: plan.warnings,
  };
}

const loginBase = (nickname: string) => nickname.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 20) || "learner";

/** Applies the roster: all of it in one transaction, or nothing when any row has a problem. */
export async function applyRoster(handle: Db, actor: SessionUser, input: RosterInput): Promise<RosterResult> {
  await requireFacilitator(handle.db, actor);
  const first = await planFor(handle.db, actor, input);
  if (first.errors.length) throw new AppError("bad_request", "rosters.hasProblems", { problems: first.errors.length });
  // Hashing is slow on purpose (argon2id): done before the write transaction, two at a time.
  const secrets = new Map<string, { passphrase: string; hash: string }>();
  const queue = [...first.newLearners];
  await Promise.all(
    [0, 1].map(async () => {
      for (let l = queue.shift(); l; l = queue.shift()) {
        const passphrase = generatePassphrase();
        secrets.set(l.sourcedId, { passphrase, hash: await hashPassword(passphrase) });
      }
    }),
  );
  const track = getTrack(input.locale, input.trackId)!;

  const result = await writeTx(handle, async (trx) => {
    // Planned again inside the transaction: another import may have run meanwhile.
    const plan = await planFor(trx, actor, input);
    if (plan.errors.length || plan.newLearners.some((l) => !secrets.has(l.sourcedId))) throw new AppError("conflict", "rosters.changed");
    const at = now();
    const userIds = new Map<string, string>();
    for (const [sourcedId, l] of (await existingFor(trx, actor.id)).learners) userIds.set(sourcedId, l.userId);

    const created: RosterResult["newLearners"] = [];
    // A new learner's home group is the first class that adds them: their membership there is the
    // one marked pseudonymous, so deleting that group deletes the account (as for a nickname join,
    // lib/cohorts/mutations.ts deleteCohort), and deleting another of their groups does not.
    const home = new Map<string, ClassPlan>();
    const isNew = new Set(plan.newLearners.map((l) => l.sourcedId));
    for (const c of plan.classes) for (const s of c.add) if (isNew.has(s) && !home.has(s)) home.set(s, c);
    for (const l of plan.newLearners) {
      let loginName = "";
      for (let i = 0; i < 20 && !loginName; i++) {
        const candidate = `${loginBase(l.nickname)}-${crypto.randomInt(1000, 10000)}`;
        if (!(await trx.selectFrom("users").select("id").where("login_name", "=", candidate).executeTakeFirst())) loginName = candidate;
      }
      if (!loginName) throw new AppError("conflict", "rosters.changed");
      const id = crypto.randomUUID();
      await trx.insertInto("users").values({ id, email: null, login_name: loginName, display_name: l.nickname, password_hash: secrets.get(l.sourcedId)!.hash, role: "learner", created_at: at, suspended_at: null }).execute();
      await trx.insertInto("roster_learners").values({ owner_id: actor.id, source_id: l.sourcedId, user_id: id, imported_at: at }).execute();
      userIds.set(l.sourcedId, id);
      created.push({ nickname: l.nickname, loginName, passphrase: secrets.get(l.sourcedId)!.passphrase, group: home.get(l.sourcedId)?.title ?? "" });
      log("auth.sign_up", { userId: id, role: "learner", pseudonymous: true, by: actor.id, via: "roster" });
    }
    for (const r of plan.renamed) await trx.updateTable("users").set({ display_name: r.nickname }).where("id", "=", r.userId).execute();

    const groups: RosterResult["groups"] = [];
    let added = 0;
    let removed = 0;
    for (const c of plan.classes) {
      let cohortId = c.cohortId;
      if (c.action === "create") {
        cohortId = crypto.randomUUID();
        let joinCode = newJoinCode();
        while (await trx.selectFrom("cohorts").select("id").where("join_code", "=", joinCode).executeTakeFirst()) joinCode = newJoinCode();
        await trx
          .insertInto("cohorts")
          .values({ id: cohortId, name: c.title, kind: "class", locale: input.locale, course_id: track.course, track_id: track.id, join_code: joinCode, owner_id: actor.id, created_at: at, archived_at: null })
          .execute();
        // As a class made by hand (lib/cohorts/mutations.ts createCohort): the plan's lessons set, no due dates.
        const planned = planAssignments(track).filter((a) => isGradedActivity(input.locale, track.course, a.activityId) || findLessonQuiz(input.locale, track.course, a.activityId));
        if (planned.length) await trx.insertInto("assignments").values(planned.map((a) => ({ id: crypto.randomUUID(), cohort_id: cohortId!, activity_id: a.activityId, due_at: null, created_at: at }))).execute();
        await trx.insertInto("roster_classes").values({ owner_id: actor.id, source_id: c.sourcedId, cohort_id: cohortId, imported_at: at }).execute();
      } else if (c.action === "update") {
        await trx.updateTable("cohorts").set({ name: c.title }).where("id", "=", cohortId!).where("owner_id", "=", actor.id).execute();
      } else if (c.action === "archive") {
        await trx.updateTable("cohorts").set({ archived_at: at }).where("id", "=", cohortId!).where("owner_id", "=", actor.id).execute();
      }
      if (c.add.length) {
        await trx
          .insertInto("cohort_members")
          .values(c.add.map((s) => ({ cohort_id: cohortId!, user_id: userIds.get(s)!, joined_at: at, pseudonymous: home.get(s) === c ? 1 : 0 })))
          .onConflict((oc) => oc.doNothing())
          .execute();
        added += c.add.length;
      }
      if (c.remove.length) {
        await trx.deleteFrom("cohort_members").where("cohort_id", "=", cohortId!).where("user_id", "in", c.remove.map((s) => userIds.get(s)!)).execute();
        removed += c.remove.length;
      }
      await addInvitations(trx, cohortId!, c.invite);
      groups.push({ id: cohortId!, name: c.title, action: c.action });
    }
    return { groups, newLearners: created, added, removed };
  });
  log("rosters.imported", { userId: actor.id, groups: result.groups.length, newLearners: result.newLearners.length, added: result.added, removed: result.removed });
  return result;
}
