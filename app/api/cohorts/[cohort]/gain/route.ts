import { learningGain } from "@/lib/cohorts/reports";
import { localeFilterOf, reportFilterInput } from "@/lib/cohorts/locale-filter";
import { idParam, userRoute } from "@/lib/http/handler";

/** The learning figures; `?locale=` reads the checks and answers of one language. */
export const GET = userRoute(reportFilterInput, ({ db, user, params, input }) => learningGain(db, user, idParam(params, "cohort", "group"), localeFilterOf(input)));
