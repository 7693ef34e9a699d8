// What the projector's server page reads from lib/live. Pages may not touch lib/db (the lint
// rule), so this opens the database handle for them, as lib/http/handler.ts does for route
// handlers; who may see the view is decided inside readLiveView (lib/live/access.ts).
import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/accounts";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readLiveView } from "./read";
import type { ProjectorView } from "./views";

const sessionId = z.uuid();

/**
 * The projector's current view of a session the actor runs, or undefined when they do not (or
 * the id names nothing): the page answers "not found" either way, as the API does.
 */
export async function projectorViewFor(actor: SessionUser, id: string): Promise<ProjectorView | undefined> {
  if (!sessionId.safeParse(id).success) return undefined;
  try {
    // readLiveView builds the "projector" view for this name: projectorView in lib/live/views.ts.
    return (await readLiveView(await getDb(), { user: actor }, id, "projector")) as ProjectorView;
  } catch (e) {
    // Not a controller (404), or no longer a facilitator (403): the same page to them.
    if (e instanceof AppError && (e.status === 404 || e.status === 403)) return undefined;
    throw e;
  }
}
