// What server-rendered pages read from lib/live. Pages may not touch lib/db (the lint rule), so
// this opens the database handle for them; authorisation stays in the functions called here.
import "server-only";
import { cookies, headers } from "next/headers";
import { getDb } from "@/lib/db";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { headersClient } from "@/lib/ratelimit/client";
import { perClient, refuseIfSpent } from "@/lib/ratelimit/limiter";
import { LIVE_COOKIE, liveTokenOf } from "./cookie";
import { readLiveView } from "./read";
import type { ParticipantView } from "./views";

/** What a join code says about a live session: nothing personal, not even the group's name. */
export interface LiveByCode {
  id: string;
  kind: "group" | "adhoc";
  ended: boolean;
}

/**
 * The live session a join code opens, or null. The join page tries it before group codes; a
 * browser or address that has spent its misses on codes (lib/cohorts codeMiss*) is refused here
 * too, and a miss is counted by the group lookup that follows, so probing codes costs the same
 * whichever kind they are.
 */
export async function liveSessionByCode(code: string): Promise<LiveByCode | null> {
  const handle = await getDb();
  await refuseIfSpent(handle, ...perClient(headersClient(await headers()), "codeMissPerDevice", "codeMissPerAddress"));
  const row = await handle.db.selectFrom("live_sessions").select(["id", "cohort_id", "ended_at"]).where("code", "=", code).executeTakeFirst();
  return row ? { id: row.id, kind: row.cohort_id ? "group" : "adhoc", ended: row.ended_at !== null } : null;
}

/**
 * The phone view of the caller (their account, or this browser's live cookie), or null when they
 * are not in the session: the page then shows "not found", as the API would.
 */
export async function phoneViewFor(sessionId: string): Promise<{ view: ParticipantView; courseId: string } | null> {
  const [handle, user, jar] = await Promise.all([getDb(), currentUser(), cookies()]);
  const token = liveTokenOf(jar.get(LIVE_COOKIE)?.value, sessionId)?.token;
  try {
    const view = (await readLiveView(handle, { user, ...(token ? { token } : {}) }, sessionId, "participant")) as ParticipantView;
    // Read after the access check: the course the thank-you links to.
    const row = await handle.db.selectFrom("live_sessions").select("course_id").where("id", "=", sessionId).executeTakeFirstOrThrow();
    return { view, courseId: row.course_id };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
}
