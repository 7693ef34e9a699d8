import { z } from "zod";
import { roomProgress } from "@/lib/cohorts/reports";
import { idParam, userRoute } from "@/lib/http/handler";

/** The room view's progress per lesson: counts only, no name and no row per person. */
export const GET = userRoute(z.object({}), ({ db, user, params }) => roomProgress(db, user, idParam(params, "cohort", "group")));
