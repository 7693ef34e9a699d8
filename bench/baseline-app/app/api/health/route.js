// The bare app's start-up probe, as the app's /api/health is the app's: both servers have served a
// route handler before any load, so both run with Next's route-handler runtime loaded beside the
// page runtime, as every server of an app with an API does (bench/README.md, suite 1).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
