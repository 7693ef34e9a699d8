import { z } from "zod";
import { myAssignments } from "@/lib/cohorts/queries";
import { userRoute } from "@/lib/http/handler";

/** The cohorts I am in, with what is due and whether I have done it. */
export const GET = userRoute(z.object({}), ({ db, user }) => myAssignments(db, user));
