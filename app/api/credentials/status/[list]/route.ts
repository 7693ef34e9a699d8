import { z } from "zod";
import { statusListJwt } from "@/lib/certificates/public";
import { AppError } from "@/lib/errors";
import { visitorRoute } from "@/lib/http/handler";
import { appOrigin } from "@/lib/http/same-origin";

/** The revocation status list (W3C Bitstring Status List), as a signed credential (VC-JWT). */
export const GET = visitorRoute(z.object({}), async ({ db, params, request }) => {
  const jwt = await statusListJwt(db, params.list ?? "", { origin: appOrigin(request) });
  if (!jwt) throw new AppError("not_found", "notFound.credential");
  return new Response(jwt, { headers: { "Content-Type": "application/vc+jwt", "Cache-Control": "no-store" } });
});
