// A live session's reducer state from its stored row. Its own module so that what runs at start-up
// (lib/startup.ts -> retention.ts) does not load the course content (lib/live/content.ts), which
// made the build trace the whole project into the server's start-up file (e2e/static.spec.ts).
import type { LiveSessionsTable } from "@/lib/db/schema";
import type { LiveState } from "./session";
import type { Step } from "./steps";

/** The reducer's state from a stored row (the order and the rest are two columns). */
export function stateOf(row: LiveSessionsTable): LiveState {
  return { ...(JSON.parse(row.state) as Omit<LiveState, "order">), order: JSON.parse(row.running_order) as Step[], seq: Number(row.seq) };
}
