import { z } from "zod";
import { credentialKeys } from "@/lib/certificates/public";
import { json, visitorRoute } from "@/lib/http/handler";

/** The public keys that sign credentials (JWKS), retired ones included, so old credentials still verify. */
export const GET = visitorRoute(z.object({}), async ({ db }) => json(await credentialKeys(db), 200, { "Cache-Control": "public, max-age=300" }));
