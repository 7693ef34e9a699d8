// What an LMS's people and courses become in the app. An LMS user is an account keyed by
// (platform, sub): no email, no password, no name from the LMS, only a neutral code as its shown
// name (the LMS's gradebook, not the app, is where a teacher sees names). Teachers (Instructor
// and similar roles) become facilitators of their LMS course's group; everyone else, its members.
import "server-only";
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { getTracks } from "@/lib/content";
import { newJoinCode } from "@/lib/cohorts/mutations";

export type LtiRole = "instructor" | "learner";

export interface LtiAccount {
  id: string;
  role: "learner" | "facilitator" | "admin";
  displayName: string;
  sessionVersion: number;
}

const now = () => new Date().toISOString();

/** A shown name that says nothing about the person: "LMS-" and six characters of a hash. */
export function ltiDisplayName(platformId: string, sub: string): string {
  return `LMS-${crypto.createHash("sha256").update(`${platformId}\u0000${sub}`).digest("hex").slice(0, 6).toUpperCase()}`;
}

/** The account of (platform, sub), made on first launch; a teacher's is a facilitator's (never lowered). */
export async function ltiAccount(db: Kysely<Database>, platformId: string, sub: string, role: LtiRole): Promise<LtiAccount> {
  const known = await db
    .selectFrom("lti_users as l")
    .innerJoin("users as u", "u.id", "l.user_id")
    .select(["u.id", "u.role", "u.display_name", "u.session_version"])
    .where("l.platform_id", "=", platformId)
    .where("l.sub", "=", sub)
    .executeTakeFirst();
  if (known) {
    if (role === "instructor" && known.role === "learner") {
      await db.updateTable("users").set({ role: "facilitator" }).where("id", "=", known.id).execute();
      known.role = "facilitator";
    }
    return { id: known.id, role: known.role, displayName: known.display_name, sessionVersion: known.session_version };
  }
  const id = crypto.randomUUID();
  const displayName = ltiDisplayName(platformId, sub);
  const userRole = role === "instructor" ? "facilitator" : "learner";
  await db
    .insertInto("users")
    // "!": no password hash can match it, and there is no email or login name to sign in with.
    .values({ id, email: null, display_name: displayName, password_hash: "!lti", role: userRole, created_at: now(), login_name: null, suspended_at: null })
    .execute();
  const inserted = await db.insertInto("lti_users").values({ platform_id: platformId, sub, user_id: id, created_at: now() }).onConflict((oc) => oc.columns(["platform_id", "sub"]).doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
    // Two first launches at once: the other one's account stands, this one goes.
    await db.deleteFrom("users").where("id", "=", id).execute();
    return ltiAccount(db, platformId, sub, role);
  }
  return { id, role: userRole, displayName, sessionVersion: 0 };
}

export interface ContextRef {
  platformId: string;
  contextId: string;
  title?: string;
  membershipsUrl?: string;
  locale: string;
  course: string;
}

/** A group's name from the LMS course's title (plain text, bounded), or a neutral one. */
function groupName(title: string | undefined): string {
  const clean = (title ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim()
    .slice(0, 80);
  return clean || "LMS";
}

/** The track a new group follows: the course's self-paced track, else its first. */
function trackFor(locale: string, course: string): string | undefined {
  const tracks = getTracks(locale).filter((t) => t.course === course);
  return (tracks.find((t) => t.kind === "self-paced") ?? tracks[0])?.id;
}

/**
 * Records `userId` as `role` in the LMS course, and puts them in its group: a teacher's launch
 * makes the group (owned by that teacher) if there is none yet, taking in everyone already seen
 * in the course; a learner joins it once it exists. Returns the group's id, if any.
 */
export async function joinContext(db: Kysely<Database>, ctx: ContextRef, userId: string, role: LtiRole): Promise<string | null> {
  await db
    .insertInto("lti_contexts")
    .values({ platform_id: ctx.platformId, context_id: ctx.contextId, cohort_id: null, memberships_url: ctx.membershipsUrl ?? null, synced_at: null, created_at: now() })
    .onConflict((oc) => (ctx.membershipsUrl ? oc.columns(["platform_id", "context_id"]).doUpdateSet({ memberships_url: ctx.membershipsUrl }) : oc.columns(["platform_id", "context_id"]).doNothing()))
    .execute();
  await db
    .insertInto("lti_context_members")
    .values({ platform_id: ctx.platformId, context_id: ctx.contextId, user_id: userId, role })
    .onConflict((oc) => oc.columns(["platform_id", "context_id", "user_id"]).doUpdateSet({ role }))
    .execute();
  const context = await db
    .selectFrom("lti_contexts as x")
    .leftJoin("cohorts as c", "c.id", "x.cohort_id")
    .select(["x.cohort_id", "c.owner_id"])
    .where("x.platform_id", "=", ctx.platformId)
    .where("x.context_id", "=", ctx.contextId)
    .executeTakeFirstOrThrow();
  let cohortId = context.owner_id ? context.cohort_id : null;
  if (!cohortId) {
    if (role !== "instructor") return null;
    const track = trackFor(ctx.locale, ctx.course) ?? trackFor("en", ctx.course);
    if (!track) return null;
    cohortId = crypto.randomUUID();
    let joinCode = newJoinCode();
    while (await db.selectFrom("cohorts").select("id").where("join_code", "=", joinCode).executeTakeFirst()) joinCode = newJoinCode();
    await db
      .insertInto("cohorts")
      .values({ id: cohortId, name: groupName(ctx.title), kind: "class", locale: ctx.locale, course_id: ctx.course, track_id: track, join_code: joinCode, owner_id: userId, created_at: now(), archived_at: null })
      .execute();
    await db.updateTable("lti_contexts").set({ cohort_id: cohortId }).where("platform_id", "=", ctx.platformId).where("context_id", "=", ctx.contextId).execute();
    // Everyone seen in the course before the group existed.
    const seen = await db.selectFrom("lti_context_members").select(["user_id", "role"]).where("platform_id", "=", ctx.platformId).where("context_id", "=", ctx.contextId).execute();
    for (const m of seen) if (m.user_id !== userId) await placeInGroup(db, cohortId, m.user_id, m.role as LtiRole);
    return cohortId;
  }
  if (context.owner_id !== userId) await placeInGroup(db, cohortId, userId, role);
  return cohortId;
}

async function placeInGroup(db: Kysely<Database>, cohortId: string, userId: string, role: LtiRole): Promise<void> {
  if (role === "instructor") {
    await db.insertInto("cohort_facilitators").values({ cohort_id: cohortId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
  } else {
    await db.insertInto("cohort_members").values({ cohort_id: cohortId, user_id: userId, joined_at: now(), pseudonymous: 1 }).onConflict((oc) => oc.doNothing()).execute();
  }
}
