import { z } from "zod";
import { getDashboard } from "@/lib/progress/queries";
import { userRoute } from "@/lib/http/handler";

/** My progress: modules, lessons, scores and mastery per skill (the dashboard's one query). */
export const GET = userRoute(z.strictObject({ locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/).default("en") }), ({ db, user, input }) =>
  getDashboard(db, user, input.locale),
);
