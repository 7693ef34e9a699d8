import { z } from "zod";
import { learningGain } from "@/lib/cohorts/reports";
import { idParam, userRoute } from "@/lib/http/handler";

export const GET = userRoute(z.object({}), ({ db, user, params }) => learningGain(db, user, idParam(params, "cohort", "group")));
