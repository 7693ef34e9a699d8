import { z } from "zod";
import { setFacilitatorSuspended } from "@/lib/cohorts/mutations";
import { idParam, userRoute } from "@/lib/http/handler";

/** An admin suspends or restores a facilitator. */
export const POST = userRoute(z.strictObject({ suspended: z.boolean() }), async ({ db, user, input, params }) => {
  await setFacilitatorSuspended(db, user, idParam(params, "facilitator", "facilitator"), input.suspended);
  return { ok: true };
});
