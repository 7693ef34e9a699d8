import { z } from "zod";
import { endAllSessions } from "@/lib/auth/accounts";
import { userRoute } from "@/lib/http/handler";

export const POST = userRoute(z.object({}), async ({ db, user }) => {
  await endAllSessions(db, user.id);
  return { ok: true };
});
