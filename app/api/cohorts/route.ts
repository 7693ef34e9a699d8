import { z } from "zod";
import { createCohort, createCohortInput } from "@/lib/cohorts/mutations";
import { myCohorts } from "@/lib/cohorts/queries";
import { userRoute } from "@/lib/http/handler";

/** The cohorts I run (owner or co-facilitator). */
export const GET = userRoute(z.object({}), ({ db, user }) => myCohorts(db, user));

/** Create a cohort: returns its id and join code. */
export const POST = userRoute(createCohortInput, ({ db, user, input }) => createCohort(db, user, input));
