import { z } from "zod";
import { myInvitations } from "@/lib/cohorts/invitations";
import { userRoute } from "@/lib/http/handler";

/** Pending invitations to co-facilitate, addressed to my account's email. */
export const GET = userRoute(z.object({}), ({ db, user }) => myInvitations(db, user));
