import { z } from "zod";
import { deleteCohort } from "@/lib/cohorts/mutations";
import { idParam, userRoute } from "@/lib/http/handler";

/** Delete the cohort with all its learners' cohort data (confirmed by typing its name). */
export const DELETE = userRoute(z.strictObject({ confirm: z.literal(true, "Confirm the deletion.") }), ({ db, user, params }) =>
  deleteCohort(db, user, idParam(params, "cohort", "group")),
);
