import { z } from "zod";
import { archiveCohort } from "@/lib/cohorts/mutations";
import { idParam, userRoute } from "@/lib/http/handler";

/** Archive (close to new joiners, keep the reports) or reopen a cohort. */
export const POST = userRoute(z.strictObject({ archived: z.boolean() }), async ({ db, user, input, params }) => {
  await archiveCohort(db, user, idParam(params, "cohort", "group"), input.archived);
  return { ok: true };
});
