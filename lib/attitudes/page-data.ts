// What server-rendered pages read from lib/attitudes. Pages may not touch lib/db, so this opens
// the database handle for them, as lib/http/handler.ts does for route handlers. Authorisation
// stays in the functions called here.
import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/accounts";
import { cohortAttitudes } from "./queries";

/** A cohort's "Your views" totals, for its facilitators (and admins, read-only). */
export async function cohortAttitudeReport(actor: SessionUser, cohortId: string) {
  return cohortAttitudes(await getDb(), actor, cohortId);
}
