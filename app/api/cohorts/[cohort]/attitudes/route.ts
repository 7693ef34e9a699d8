import { z } from "zod";
import { cohortAttitudes } from "@/lib/attitudes/queries";
import { idParam, userRoute } from "@/lib/http/handler";

/** "Your views" totals for the group's facilitators: only from five or more answers. */
export const GET = userRoute(z.object({}), ({ db, user, params }) => cohortAttitudes(db, user, idParam(params, "cohort", "group")));
