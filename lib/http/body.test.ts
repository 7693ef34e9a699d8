// Bounded body reading (issue #19): a body above the limit is refused by its Content-Length
// before any of it is read, and a body with no length (chunked) or a lying one is read only up
// to the limit. Through userRoute too, so every JSON route has it.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { MAX_BODY_BYTES, readBodyBytes } from "./body";

process.env.LOG_SILENT = "1";
process.env.NEXTAUTH_SECRET ??= "body-test-secret-body-test-secret-body";

vi.mock("@/lib/auth/session", () => ({ currentUser: async () => ({ id: "u1", role: "learner", displayName: "U" }) }));
vi.mock("@/lib/db", () => ({ getDb: async () => ({}) }));

/** A request body served in 16 KB chunks, counting how many bytes were pulled from it. */
function streamed(total: number, headers: Record<string, string> = {}) {
  const pulled = { bytes: 0 };
  const chunk = new TextEncoder().encode(`"${"x".repeat(16 * 1024 - 2)}"`);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const piece = chunk.subarray(0, Math.min(chunk.byteLength, total - sent));
      sent += piece.byteLength;
      pulled.bytes = sent;
      controller.enqueue(piece);
    },
  });
  const request = new Request("http://localhost:3500/api/x", { method: "POST", headers: { "content-type": "application/json", ...headers }, body, duplex: "half" } as RequestInit);
  return { request, pulled };
}

describe("readBodyBytes", () => {
  it("reads a body within the limit whole", async () => {
    const bytes = await readBodyBytes(new Request("http://x/", { method: "POST", body: "é".repeat(100) }));
    expect(new TextDecoder().decode(bytes)).toBe("é".repeat(100));
  });

  it("refuses by Content-Length before reading anything", async () => {
    const { request, pulled } = streamed(10 * MAX_BODY_BYTES, { "content-length": String(10 * MAX_BODY_BYTES) });
    await expect(readBodyBytes(request)).rejects.toMatchObject({ code: "too_large", status: 413 });
    expect(pulled.bytes).toBeLessThanOrEqual(16 * 1024); // at most what the stream queued on its own
  });

  it("stops a chunked body with no length at the limit", async () => {
    const { request, pulled } = streamed(100 * MAX_BODY_BYTES);
    await expect(readBodyBytes(request)).rejects.toMatchObject({ code: "too_large" });
    expect(pulled.bytes).toBeLessThan(MAX_BODY_BYTES + 3 * 16 * 1024);
  });

  it("stops a body whose Content-Length lies", async () => {
    const { request, pulled } = streamed(100 * MAX_BODY_BYTES, { "content-length": "10" });
    await expect(readBodyBytes(request)).rejects.toMatchObject({ code: "too_large" });
    expect(pulled.bytes).toBeLessThan(MAX_BODY_BYTES + 3 * 16 * 1024);
  });
});

describe("a JSON route", () => {
  it("answers 413 for each, without reading on", async () => {
    const { userRoute } = await import("./handler");
    const fn = vi.fn(async () => ({ ok: true }));
    const route = userRoute(z.unknown(), fn);
    for (const [headers, total] of [[{ "content-length": String(2 * MAX_BODY_BYTES) }, 2 * MAX_BODY_BYTES], [{}, 100 * MAX_BODY_BYTES], [{ "content-length": "10" }, 100 * MAX_BODY_BYTES]] as const) {
      const { request, pulled } = streamed(total, headers);
      const res = await route(request);
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: "The request is too large.", code: "http.tooLarge" });
      expect(pulled.bytes).toBeLessThan(MAX_BODY_BYTES + 3 * 16 * 1024);
    }
    expect(fn).not.toHaveBeenCalled();
  });
});
