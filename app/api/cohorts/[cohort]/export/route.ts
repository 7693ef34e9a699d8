import { z } from "zod";
import { cohortCsv } from "@/lib/cohorts/queries";
import { attachment } from "@/lib/http/download";
import { knownLocale, requestLocale } from "@/lib/http/error-text";
import { idParam, userRoute } from "@/lib/http/handler";

/**
 * The roster and results as CSV (quoted, formulas escaped, with a BOM: lib/cohorts/csv.ts), its
 * header and words in the group page's language: `?locale=` (the page's link sets it) when it is
 * one of the app's languages, else the request's (NEXT_LOCALE cookie, Accept-Language).
 */
export const GET = userRoute(z.object({ locale: z.string().max(35).optional() }), async ({ db, user, params, input, request }) => {
  const locale = knownLocale(input.locale) ?? requestLocale(request);
  const { name, csv } = await cohortCsv(db, user, idParam(params, "cohort", "group"), locale);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(name, "csv", "group-results"),
      "Cache-Control": "no-store",
    },
  });
});
