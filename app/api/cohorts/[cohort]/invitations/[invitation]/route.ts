import { z } from "zod";
import { cancelInvitation } from "@/lib/cohorts/invitations";
import { idParam, userRoute } from "@/lib/http/handler";

/** The owner cancels a pending invitation. */
export const DELETE = userRoute(z.strictObject({}), async ({ db, user, params }) => {
  await cancelInvitation(db, user, idParam(params, "cohort", "group"), idParam(params, "invitation", "invitation"));
  return { ok: true };
});
