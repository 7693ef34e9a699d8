import { z } from "zod";
import { cohortCsv } from "@/lib/cohorts/queries";
import { idParam, userRoute } from "@/lib/http/handler";

/** The roster and results as CSV (cells that could run as formulas are escaped). */
export const GET = userRoute(z.object({}), async ({ db, user, params }) => {
  const { filename, csv } = await cohortCsv(db, user, idParam(params, "cohort", "Group"));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
