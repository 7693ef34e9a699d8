import { z } from "zod";
import { cohortInvitations, inviteCoFacilitator, inviteInput } from "@/lib/cohorts/invitations";
import { idParam, userRoute } from "@/lib/http/handler";

/** The group's pending co-facilitator invitations (its owner only; emails masked). */
export const GET = userRoute(z.object({}), ({ db, user, params }) => cohortInvitations(db, user, idParam(params, "cohort", "group")));

/** Invite an email to co-facilitate: the same answer whatever the email is. */
export const POST = userRoute(inviteInput, ({ db, user, input, params }) => inviteCoFacilitator(db, user, idParam(params, "cohort", "group"), input));
