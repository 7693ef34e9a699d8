// Reading a screen's view: access checked once, then a reader the event stream calls on each change.
import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { contentOf, participantOf, sessionForController, stateOf, type Caller, type SessionRow } from "./access";
import type { ViewName } from "./inputs";
import { roundKey } from "./session";
import { tallies } from "./tallies";
import { facilitatorView, participantView, projectorView } from "./views";

/**
 * The session row, read once for every screen that asks at the same moment: after a step, a
 * thousand phones re-read it together, and share one query.
 */
const inFlight = new WeakMap<Db, Map<string, Promise<SessionRow | undefined>>>();
function readSession(handle: Db, sessionId: string): Promise<SessionRow | undefined> {
  let byId = inFlight.get(handle);
  if (!byId) inFlight.set(handle, (byId = new Map()));
  const pending = byId.get(sessionId);
  if (pending) return pending;
  const read = handle.db
    .selectFrom("live_sessions")
    .selectAll()
    .where("id", "=", sessionId)
    .executeTakeFirst()
    .finally(() => byId.delete(sessionId));
  byId.set(sessionId, read);
  return read;
}

export type AnyView = ReturnType<typeof facilitatorView> | ReturnType<typeof projectorView> | ReturnType<typeof participantView>;

/**
 * A screen's view, after checking who asks: the room's screens (facilitator, projector) for the
 * session's controllers, the phone view for its participants; anyone else gets "not found".
 * Returns a reader for the event stream, which re-reads without checking access again.
 */
export async function openLiveView(handle: Db, caller: Caller, sessionId: string, view: ViewName): Promise<() => Promise<AnyView>> {
  if (view === "participant") {
    const me = await participantOf(handle, caller, sessionId);
    return async () => {
      const row = await readSession(handle, sessionId);
      if (!row) throw new AppError("not_found", "Live session not found.");
      const state = stateOf(row);
      const content = contentOf(row);
      const mine = await handle.db.selectFrom("live_answers").select("choice").where("participant_id", "=", me.id).where("round", "=", roundKey(state, content)).executeTakeFirst();
      return participantView(state, content, { code: row.code, locale: row.locale }, { nickname: me.nickname, answer: mine ? (JSON.parse(mine.choice) as string[]) : null });
    };
  }
  if (!caller.user) throw new AppError("not_found", "Live session not found.");
  const user = caller.user;
  await sessionForController(handle, user, sessionId);
  return async () => {
    const row = await readSession(handle, sessionId);
    if (!row) throw new AppError("not_found", "Live session not found.");
    const state = stateOf(row);
    const content = contentOf(row);
    const ctx = { code: row.code, locale: row.locale };
    if (view === "facilitator") return facilitatorView(state, await tallies(handle, row, state, true), content, ctx);
    return projectorView(state, await tallies(handle, row, state, state.showNames), content, ctx);
  };
}

export async function readLiveView(handle: Db, caller: Caller, sessionId: string, view: ViewName): Promise<AnyView> {
  return (await openLiveView(handle, caller, sessionId, view))();
}
