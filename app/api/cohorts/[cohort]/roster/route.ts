import { rosterGrid } from "@/lib/cohorts/reports";
import { localeFilterOf, reportFilterInput } from "@/lib/cohorts/locale-filter";
import { idParam, userRoute } from "@/lib/http/handler";

/** The progress grid; `?locale=` reads what was done in one language. */
export const GET = userRoute(reportFilterInput, ({ db, user, params, input }) => rosterGrid(db, user, idParam(params, "cohort", "group"), localeFilterOf(input)));
