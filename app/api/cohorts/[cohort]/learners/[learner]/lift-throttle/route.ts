import { z } from "zod";
import { liftLearnerThrottle } from "@/lib/cohorts/mutations";
import { idParam, userRoute } from "@/lib/http/handler";

/** Let a learner who mistyped their passphrase too often try again at once. */
export const POST = userRoute(z.object({}), async ({ db, user, params }) => {
  await liftLearnerThrottle(db, user, idParam(params, "cohort", "group"), idParam(params, "learner", "learner"));
  return { ok: true };
});
