// The live sessions a facilitator has running (the "back to your session" list on /facilitate):
// the same rule as the controls (lib/live/access.ts), decided in SQL: the sessions they started,
// and those of the groups they own or co-facilitate. Ended sessions are not listed.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";

export interface RunningLiveSession {
  id: string;
  code: string;
  locale: string;
  courseId: string;
  /** The group's name, or null for an ad hoc session. */
  groupName: string | null;
  createdAt: string;
}

export async function runningLiveSessions(handle: Db, actor: SessionUser): Promise<RunningLiveSession[]> {
  if (actor.role === "learner") return [];
  const rows = await handle.db
    .selectFrom("live_sessions as s")
    .leftJoin("cohorts as c", "c.id", "s.cohort_id")
    .select(["s.id", "s.code", "s.locale", "s.course_id", "s.created_at", "c.name as group_name"])
    .where("s.ended_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("s.owner_id", "=", actor.id),
        eb("c.owner_id", "=", actor.id),
        eb.exists(eb.selectFrom("cohort_facilitators as f").select("f.user_id").whereRef("f.cohort_id", "=", "s.cohort_id").where("f.user_id", "=", actor.id)),
      ]),
    )
    .orderBy("s.created_at", "desc")
    .limit(20)
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, locale: r.locale, courseId: r.course_id, groupName: r.group_name ?? null, createdAt: r.created_at }));
}
