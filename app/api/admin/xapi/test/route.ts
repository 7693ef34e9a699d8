import { z } from "zod";
import { userRoute } from "@/lib/http/handler";
import { sendTestStatement } from "@/lib/xapi/admin";

/** An admin sends one test statement to the LRS, to check its address and credentials. */
export const POST = userRoute(z.strictObject({}), async ({ db, user }) => sendTestStatement(db, user));
