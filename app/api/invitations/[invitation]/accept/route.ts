import { z } from "zod";
import { acceptInvitation } from "@/lib/cohorts/invitations";
import { idParam, userRoute } from "@/lib/http/handler";

/** Accept an invitation addressed to me: I co-facilitate the group from now on. */
export const POST = userRoute(z.strictObject({}), ({ db, user, params }) => acceptInvitation(db, user, idParam(params, "invitation", "invitation")));
