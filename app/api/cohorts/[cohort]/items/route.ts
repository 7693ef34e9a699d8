import { z } from "zod";
import { itemAnalysis } from "@/lib/cohorts/reports";
import { idParam, userRoute } from "@/lib/http/handler";

export const GET = userRoute(z.object({}), ({ db, user, params }) => itemAnalysis(db, user, idParam(params, "cohort", "group")));
