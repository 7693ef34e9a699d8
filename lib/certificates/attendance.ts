// A facilitator's "attended" awards for a group's workshop: to the members they tick, or to every
// member who joined one of the group's live sessions. Only the group's owner and co-facilitators
// (lib/cohorts/access.ts, "manage"); only members of the group receive one. An award is a row
// without a signed credential until the learner opens it and chooses the name printed on it
// (lib/certificates/issue.ts): nickname members choose a name, or none, then.
import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { cohortFor } from "@/lib/cohorts/access";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { attendanceKey } from "./eligibility";

export const attendanceInput = z.union([
  z.strictObject({
    /** The workshop's day, YYYY-MM-DD. */
    date: z.iso.date(),
    members: z.array(z.uuid()).min(1).max(500),
  }),
  z.strictObject({ liveSessionId: z.uuid() }),
]);
export type AttendanceInput = z.infer<typeof attendanceInput>;

const now = () => new Date().toISOString();

/** Awards attendance; answers how many members were newly awarded (an award given before is kept once). */
export async function awardAttendance(handle: Db, actor: SessionUser, cohortId: string, input: AttendanceInput): Promise<{ awarded: number; date: string }> {
  const cohort = await cohortFor(handle, actor, cohortId, "manage");
  let date: string;
  let members: string[];
  if ("liveSessionId" in input) {
    const rows = await handle.db
      .selectFrom("live_sessions as s")
      .leftJoin("live_participants as p", "p.session_id", "s.id")
      .leftJoin("cohort_members as m", (j) => j.onRef("m.user_id", "=", "p.user_id").on("m.cohort_id", "=", cohortId))
      .select(["s.created_at", "m.user_id"])
      .where("s.id", "=", input.liveSessionId)
      .where("s.cohort_id", "=", cohortId)
      .execute();
    if (rows.length === 0) throw new AppError("not_found", "notFound.liveSession");
    date = rows[0].created_at.slice(0, 10);
    members = [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))];
    if (members.length === 0) throw new AppError("bad_request", "certificates.noAttendees");
  } else {
    date = input.date;
    const found = await handle.db.selectFrom("cohort_members").select("user_id").where("cohort_id", "=", cohortId).where("user_id", "in", input.members).execute();
    if (found.length !== new Set(input.members).size) throw new AppError("bad_request", "certificates.notMembers");
    members = found.map((r) => r.user_id);
  }
  const created = now();
  const awarded = await writeTx(handle, async (trx) => {
    let n = 0;
    for (const userId of members) {
      const r = await trx
        .insertInto("credentials")
        .values({
          id: crypto.randomUUID(),
          user_id: userId,
          kind: "attended",
          course_id: cohort.course_id,
          award_key: attendanceKey(cohortId, date),
          cohort_id: cohortId,
          group_name: cohort.name,
          session_date: date,
          locale: cohort.locale,
          printed_name: null,
          created_at: created,
          issued_at: null,
          jwt: null,
          revoked_at: null,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      n += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return n;
  });
  log("credentials.awarded", { userId: actor.id, awarded, members: members.length });
  return { awarded, date };
}

export interface AttendanceView {
  cohort: { id: string; name: string };
  members: { id: string; name: string; pseudonymous: boolean; awards: string[] }[];
  /** The group's live sessions, newest first, with how many members joined each. */
  sessions: { id: string; date: string; members: number }[];
}

/** What the facilitator's attendance page shows: the members, the days they were awarded, and the group's live sessions. */
export async function attendanceView(handle: Db, actor: SessionUser, cohortId: string): Promise<AttendanceView> {
  const cohort = await cohortFor(handle, actor, cohortId, "manage");
  const [members, sessions] = await Promise.all([
    handle.db
      .selectFrom("cohort_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .leftJoin("credentials as c", (j) => j.onRef("c.user_id", "=", "m.user_id").on("c.cohort_id", "=", cohortId).on("c.kind", "=", "attended"))
      .select(["u.id", "u.display_name", "m.pseudonymous", "c.session_date"])
      .where("m.cohort_id", "=", cohortId)
      .orderBy("u.display_name")
      .orderBy("u.id")
      .execute(),
    handle.db
      .selectFrom("live_sessions as s")
      .leftJoin("live_participants as p", (j) => j.onRef("p.session_id", "=", "s.id").on("p.user_id", "is not", null))
      .select((eb) => ["s.id", "s.created_at", eb.fn.count<number>("p.user_id").as("n")])
      .where("s.cohort_id", "=", cohortId)
      .groupBy(["s.id", "s.created_at"])
      .orderBy("s.created_at", "desc")
      .limit(20)
      .execute(),
  ]);
  const byId = new Map<string, AttendanceView["members"][number]>();
  for (const r of members) {
    const m = byId.get(r.id) ?? { id: r.id, name: r.display_name, pseudonymous: Boolean(Number(r.pseudonymous)), awards: [] };
    if (r.session_date) m.awards.push(r.session_date);
    byId.set(r.id, m);
  }
  return { cohort: { id: cohort.id, name: cohort.name }, members: [...byId.values()], sessions: sessions.map((s) => ({ id: s.id, date: s.created_at.slice(0, 10), members: Number(s.n) })) };
}
