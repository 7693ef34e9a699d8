// Liveness for the e2e web server and for load balancers. No personal data, never cached.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
