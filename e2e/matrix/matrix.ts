// The authorisation matrix: every page and every route handler method of app/, tried by six
// callers, with the answer each must get. Plain data (no Playwright import), so the inventory test
// (scripts/route-inventory.test.ts) can check it against app/ without a server; the cells are run
// by e2e/matrix/matrix.spec.ts against the real server.
//
// Callers, relative to one "world" the spec builds: a facilitator runs a cohort; the learner is
// a member of it (and owns the progress records tried here); a nickname-only learner is a second
// member; the other facilitator is invited to co-facilitate it but has not accepted; the other
// learner and the admin have nothing to do with it.

import { CALLERS, type ActionEntry } from "./model";
import { PAGES } from "./pages";
import { ROUTES } from "./routes";

export * from "./model";
export { PAGES, ROUTES };

/** Server actions: none today. The inventory test fails if one appears that is not listed here. */
export const ACTIONS: ActionEntry[] = [];

/** How many cells the matrix holds (entries × callers). */
export function cellCount(): number {
  return (ROUTES.length + PAGES.length + ACTIONS.length) * CALLERS.length;
}
