import { z } from "zod";
import { declineInvitation } from "@/lib/cohorts/invitations";
import { idParam, userRoute } from "@/lib/http/handler";

/** Decline an invitation addressed to me. */
export const DELETE = userRoute(z.strictObject({}), async ({ db, user, params }) => {
  await declineInvitation(db, user, idParam(params, "invitation", "invitation"));
  return { ok: true };
});
