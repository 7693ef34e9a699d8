import { z } from "zod";
import { userRoute } from "@/lib/http/handler";
import { retryDeadLetters } from "@/lib/xapi/admin";

/** An admin gives the learning records that ran out of tries another round (after fixing the LRS). */
export const POST = userRoute(z.strictObject({}), async ({ db, user }) => retryDeadLetters(db, user));
