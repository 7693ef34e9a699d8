import { z } from "zod";
import { joinCohort } from "@/lib/cohorts/mutations";
import { userRoute } from "@/lib/http/handler";
import { requestClient } from "@/lib/ratelimit/client";

/** A signed-in learner joins a cohort with its code (limited: lib/ratelimit/limits.ts). */
export const POST = userRoute(z.strictObject({ code: z.string().max(20) }), ({ db, user, input, request }) => joinCohort(db, user, input.code, requestClient(request)));
