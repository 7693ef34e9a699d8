// The floor for the live session's event stream (bench/suites/live.ts): a route handler that holds
// every client's stream in memory and nothing else (no access check, no database read per event).
// POST /api/sse/broadcast writes one numbered event to all of them.
export const dynamic = "force-dynamic";

const clients = (globalThis.__benchSseClients ??= new Set());

export function GET(request) {
  let controller;
  const stream = new ReadableStream({
    start(c) {
      controller = c;
      clients.add(c);
      c.enqueue(new TextEncoder().encode("retry: 1000\n\n"));
    },
    cancel() {
      clients.delete(controller);
    },
  });
  request.signal.addEventListener("abort", () => {
    clients.delete(controller);
    try {
      controller.close();
    } catch {
      // already closed
    }
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" } });
}
