// What the facilitator's live pages read. Pages may not touch lib/db (the lint rule), so this opens
// the database handle for them, as lib/cohorts/page-data.ts does; authorisation stays in the
// functions called here (lib/live/access.ts, running.ts): anyone but a controller gets not_found.
import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/accounts";
import { sessionForController } from "./access";
import { addableContent, type AddableSection } from "./content";
import { readLiveView } from "./read";
import { runningLiveSessions } from "./running";
import type { FacilitatorView } from "./views";

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
