import { z } from "zod";
import { cohortCsv } from "@/lib/cohorts/queries";
import { attachment } from "@/lib/http/download";
import { idParam, userRoute } from "@/lib/http/handler";

/** The roster and results as CSV (quoted, formulas escaped, with a BOM: lib/cohorts/csv.ts). */
export const GET = userRoute(z.object({}), async ({ db, user, params }) => {
  const { name, csv } = await cohortCsv(db, user, idParam(params, "cohort", "group"));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(name, "csv", "group-results"),
      "Cache-Control": "no-store",
    },
  });
});
