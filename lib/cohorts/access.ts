// Who may see and change a cohort. Every function in lib/cohorts goes through these checks, so
// a facilitator only ever reaches cohorts they own or co-facilitate (admins may read any).
import type { Kysely } from "kysely";
import type { Db } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import type { SessionUser } from "@/lib/auth/accounts";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

export type Access = "read" | "manage";

/** Facilitators (not suspended) and admins may run cohorts. */
export async function requireFacilitator(db: Kysely<Database>, actor: SessionUser): Promise<void> {
  if (actor.role !== "facilitator" && actor.role !== "admin") {
    log("auth.denied", { userId: actor.id, reason: "not a facilitator" });
    throw new AppError("forbidden", "cohorts.facilitatorOnly");
  }
  const row = await db.selectFrom("users").select("suspended_at").where("id", "=", actor.id).executeTakeFirst();
  if (!row || row.suspended_at) {
    log("auth.denied", { userId: actor.id, reason: "suspended facilitator" });
    throw new AppError("forbidden", "cohorts.suspended");
  }
}

/**
 * The cohort, if the actor may reach it: owners and co-facilitators read and manage; admins
 * read. Anyone else gets "not found", so a guessed id reveals nothing.
 */
export async function cohortFor(handle: Db | Kysely<Database>, actor: SessionUser, cohortId: string, access: Access) {
  const db = "db" in handle ? handle.db : handle;
  const row = await db
    .selectFrom("cohorts as c")
    .leftJoin("cohort_facilitators as f", (j) => j.onRef("f.cohort_id", "=", "c.id").on("f.user_id", "=", actor.id))
    .select(["c.id", "c.name", "c.kind", "c.locale", "c.course_id", "c.track_id", "c.join_code", "c.owner_id", "c.created_at", "c.archived_at", "f.user_id as co"])
    .where("c.id", "=", cohortId)
    .executeTakeFirst();
  const facilitates = row && (row.owner_id === actor.id || row.co === actor.id);
  const adminReads = row && actor.role === "admin" && access === "read";
  if (!row || !(facilitates || adminReads)) {
    log("auth.denied", { userId: actor.id, reason: "cohort not reachable", access });
    throw new AppError("not_found", "notFound.group");
  }
  // A suspended facilitator reaches none of their cohorts (admins still read them).
  if (!adminReads || facilitates) await requireFacilitator(db, actor);
  const { co: _co, ...cohort } = row;
  return { ...cohort, canManage: Boolean(facilitates) };
}
