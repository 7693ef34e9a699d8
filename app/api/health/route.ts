// Liveness and readiness for the e2e web server, `npm run hall` and load balancers. No personal
// data, never cached. Ready means able to serve the course: the first check reads and checks the
// content (lib/content warmContent, about 3 s on a cold server), so no learner's request waits
// for it; later checks cost nothing more. Invalid content answers 500 here.
import { warmContent } from "@/lib/content";

export const dynamic = "force-dynamic";

export function GET() {
  warmContent();
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
