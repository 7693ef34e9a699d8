import { z } from "zod";
import { rosterGrid } from "@/lib/cohorts/reports";
import { idParam, userRoute } from "@/lib/http/handler";

export const GET = userRoute(z.object({}), ({ db, user, params }) => rosterGrid(db, user, idParam(params, "cohort", "group")));
