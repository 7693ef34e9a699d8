import { itemAnalysis } from "@/lib/cohorts/reports";
import { localeFilterOf, reportFilterInput } from "@/lib/cohorts/locale-filter";
import { idParam, userRoute } from "@/lib/http/handler";

/** The item analysis; `?locale=` reads the answers given in one language. */
export const GET = userRoute(reportFilterInput, ({ db, user, params, input }) => itemAnalysis(db, user, idParam(params, "cohort", "group"), localeFilterOf(input)));
