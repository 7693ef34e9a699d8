import { z } from "zod";
import { resetLearnerPassphrase } from "@/lib/cohorts/mutations";
import { idParam, userRoute } from "@/lib/http/handler";

/** A new passphrase for a nickname-only learner (shown once to the facilitator to pass on). */
export const POST = userRoute(z.object({}), ({ db, user, params }) =>
  resetLearnerPassphrase(db, user, idParam(params, "cohort", "group"), idParam(params, "learner", "learner")),
);
