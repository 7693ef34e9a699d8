// Sends one numbered event (`id: <seq>`) to every stream GET /api/sse holds; answers { seq }.
export const dynamic = "force-dynamic";

const clients = (globalThis.__benchSseClients ??= new Set());
globalThis.__benchSseSeq ??= 0;

export function POST() {
  const seq = ++globalThis.__benchSseSeq;
  const bytes = new TextEncoder().encode(`event: view\nid: ${seq}\ndata: ${JSON.stringify({ seq })}\n\n`);
  for (const c of clients) {
    try {
      c.enqueue(bytes);
    } catch {
      clients.delete(c);
    }
  }
  return Response.json({ seq, clients: clients.size }, { headers: { "Cache-Control": "no-store" } });
}
