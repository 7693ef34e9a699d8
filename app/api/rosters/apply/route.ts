import { applyRoster, rosterInput } from "@/lib/rosters/import";
import { userRoute } from "@/lib/http/handler";

/** Imports the roster (all or nothing); new learners' passphrases are in this answer only. */
export const POST = userRoute(rosterInput, ({ db, user, input }) => applyRoster(db, user, input));
