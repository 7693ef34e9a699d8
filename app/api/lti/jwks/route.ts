import { openGetRoute } from "@/lib/http/handler";
import { toolJwks } from "@/lib/lti/http";

/** The tool's public keys, which LMSs check its signatures with (a stable URL for their settings). */
export const GET = openGetRoute(({ db }) => toolJwks(db), { "Cache-Control": "public, max-age=300" });
