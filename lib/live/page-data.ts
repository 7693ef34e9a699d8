// What server-rendered live pages read (the phone's join and view, the facilitator's control
// page, the projector). Pages may not touch lib/db (the lint rule), so this opens the database handle for them;
// authorisation stays in the functions called here (lib/live/access.ts, read.ts, running.ts):
// anyone who is not in the session, or does not run it, gets not_found.
import "server-only";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/accounts";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { headersClient } from "@/lib/ratelimit/client";
import { perClient, refuseIfSpent } from "@/lib/ratelimit/limiter";
import { sessionForController } from "./access";
import { addableContent, type AddableSection } from "./content";
import { LIVE_COOKIE, liveTokenOf } from "./cookie";
import { readLiveView } from "./read";
import { runningLiveSessions } from "./running";
import type { FacilitatorView, ParticipantView, ProjectorView } from "./views";

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

export interface ControlScreen {
  view: FacilitatorView;
  session: { id: string; locale: string; courseId: string; group: boolean };
  /** What "Add from the course" offers: plain data for the client island. */
  addable: AddableSection[];
}

/** The control page's first paint: the facilitator's view and the course's content to add. */
export async function liveControlScreen(actor: SessionUser, sessionId: string): Promise<ControlScreen> {
  const db = await getDb();
  const row = await sessionForController(db, actor, sessionId);
  const view = (await readLiveView(db, { user: actor }, sessionId, "facilitator")) as FacilitatorView;
  return {
    view,
    session: { id: row.id, locale: row.locale, courseId: row.course_id, group: Boolean(row.cohort_id) },
    addable: addableContent(row.locale, row.course_id, { trackId: row.track_id, group: Boolean(row.cohort_id) }),
  };
}

/** The live sessions the actor can go back to. */
export async function myRunningLiveSessions(actor: SessionUser) {
  return runningLiveSessions(await getDb(), actor);
}

const sessionIdSchema = z.uuid();

/**
 * The projector's current view of a session the actor runs, or undefined when they do not (or
 * the id names nothing): the page answers "not found" either way, as the API does.
 */
export async function projectorViewFor(actor: SessionUser, id: string): Promise<ProjectorView | undefined> {
  if (!sessionIdSchema.safeParse(id).success) return undefined;
  try {
    // readLiveView builds the "projector" view for this name: projectorView in lib/live/views.ts.
    return (await readLiveView(await getDb(), { user: actor }, id, "projector")) as ProjectorView;
  } catch (e) {
    // Not a controller (404), or no longer a facilitator (403): the same page to them.
    if (e instanceof AppError && (e.status === 404 || e.status === 403)) return undefined;
    throw e;
  }
}
