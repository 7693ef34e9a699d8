import { z } from "zod";
import { joinCohort } from "@/lib/cohorts/mutations";
import { userRoute } from "@/lib/http/handler";

/** A signed-in learner joins a cohort with its code. */
export const POST = userRoute(z.strictObject({ code: z.string().max(20) }), ({ db, user, input }) => joinCohort(db, user, input.code));
