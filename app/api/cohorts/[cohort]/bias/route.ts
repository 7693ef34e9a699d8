import { z } from "zod";
import { cohortBiasReport } from "@/lib/cohorts/bias-report";
import { idParam, userRoute } from "@/lib/http/handler";

export const GET = userRoute(z.object({}), ({ db, user, params }) => cohortBiasReport(db, user, idParam(params, "cohort", "group")));
