import { previewRoster, rosterInput } from "@/lib/rosters/import";
import { userRoute } from "@/lib/http/handler";

/** What importing a OneRoster CSV roster would change, row problems included; writes nothing. */
export const POST = userRoute(rosterInput, ({ db, user, input }) => previewRoster(db, user, input));
