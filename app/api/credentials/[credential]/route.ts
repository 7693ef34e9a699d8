import { z } from "zod";
import { revokeMyCredential } from "@/lib/certificates/issue";
import { credentialFile } from "@/lib/certificates/public";
import { attachment } from "@/lib/http/download";
import { idParam, userRoute, visitorRoute } from "@/lib/http/handler";

/**
 * An issued credential as a file: the Open Badges 3.0 credential and its VC-JWT. Public, as its
 * verification page is: it holds only what the credential says.
 */
export const GET = visitorRoute(z.object({}), async ({ db, params }) => {
  const file = await credentialFile(db, idParam(params, "credential", "credential"));
  return new Response(JSON.stringify(file, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachment("certificate", "json"),
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    },
  });
});

/** Withdraw one of my credentials: it then verifies as revoked. */
export const DELETE = userRoute(z.object({}), async ({ db, user, params }) => {
  await revokeMyCredential(db, user, idParam(params, "credential", "credential"));
  return { ok: true };
});
