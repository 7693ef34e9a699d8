// The bare app's start-up probe, as the app's /api/health is the app's: both servers have run a
// route handler before any load. Next runs one inside AsyncLocalStorage.run, which turns Node 20's
// async hooks on for the rest of the process, as on every server of an app with an API; every
// later page then costs more (bench/README.md, suite 1).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
