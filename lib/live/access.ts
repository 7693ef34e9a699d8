// Who may reach a live session, decided in SQL: the room's screens and controls for the session's
// owner or its group's owner and co-facilitators; the phone view for its participants. Anyone else
// gets "not found", so a guessed id reveals nothing.
import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { LiveSessionsTable } from "@/lib/db/schema";
import type { SessionUser } from "@/lib/auth/accounts";
import { requireFacilitator } from "@/lib/cohorts/access";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { liveContent } from "./content";

export const now = () => new Date().toISOString();
export const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/** Who is asking: a signed-in account, and the participant token of the live cookie if any. */
export interface Caller {
  user: SessionUser | null;
  /** The random token of a nickname joiner (from the httpOnly cookie); never stored, only its hash. */
  token?: string;
}

export type SessionRow = LiveSessionsTable;

export { stateOf } from "./state";

export const contentOf = (row: Pick<SessionRow, "locale">) => liveContent(row.locale);


/** The session, if the actor runs it: its owner, or the owner or a co-facilitator of its group. */
export async function sessionForController(handle: Db, actor: SessionUser, sessionId: string): Promise<SessionRow> {
  const row = await handle.db
    .selectFrom("live_sessions as s")
    .leftJoin("cohorts as c", "c.id", "s.cohort_id")
    .selectAll("s")
    .where("s.id", "=", sessionId)
    .where((eb) =>
      eb.or([
        eb("s.owner_id", "=", actor.id),
        eb("c.owner_id", "=", actor.id),
        eb.exists(eb.selectFrom("cohort_facilitators as f").select("f.user_id").whereRef("f.cohort_id", "=", "s.cohort_id").where("f.user_id", "=", actor.id)),
      ]),
    )
    .executeTakeFirst();
  if (!row) {
    log("auth.denied", { userId: actor.id, reason: "live session not reachable" });
    throw new AppError("not_found", "notFound.liveSession");
  }
  await requireFacilitator(handle.db, actor);
  return row;
}

export interface ParticipantRow {
  id: string;
  user_id: string | null;
  nickname: string | null;
}

/** The caller's place in the session: their account's (group sessions) or their cookie token's. */
export async function participantOf(handle: Db, caller: Caller, sessionId: string): Promise<ParticipantRow> {
  const byToken = caller.token ? sha256(caller.token) : null;
  const row = !caller.user && !byToken ? undefined : await handle.db
    .selectFrom("live_participants")
    .select(["id", "user_id", "nickname"])
    .where("session_id", "=", sessionId)
    .where((eb) => {
      const ors = [];
      if (caller.user) ors.push(eb("user_id", "=", caller.user.id));
      if (byToken) ors.push(eb("token_hash", "=", byToken));
      return eb.or(ors);
    })
    .executeTakeFirst();
  if (!row) {
    log("auth.denied", { userId: caller.user?.id, reason: "not in live session" });
    throw new AppError("not_found", "notFound.liveSession");
  }
  return row;
}
