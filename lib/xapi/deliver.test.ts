import { describe, expect, it } from "vitest";
import { backoffMs, BASE_DELAY_MS, MAX_ATTEMPTS, MAX_DELAY_MS, postStatements } from "./deliver";

const conn = { endpoint: "https://lrs.example/xapi/", version: "1.0.3", auth: { key: "k", secret: "s:é" } };
const answering = (status: number) => (async () => new Response(null, { status })) as unknown as typeof fetch;

describe("back-off", () => {
  it("doubles from the base up to the cap, never below half nor above the nominal wait", () => {
    expect(backoffMs(1, () => 0)).toBe(BASE_DELAY_MS / 2);
    expect(backoffMs(1, () => 1)).toBe(BASE_DELAY_MS);
    expect(backoffMs(3, () => 1)).toBe(BASE_DELAY_MS * 4);
    expect(backoffMs(30, () => 1)).toBe(MAX_DELAY_MS);
    for (let attempts = 1; attempts < 20; attempts++) {
      const nominal = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempts - 1));
      const wait = backoffMs(attempts, Math.random);
      expect(wait).toBeGreaterThanOrEqual(nominal / 2);
      expect(wait).toBeLessThanOrEqual(nominal);
    }
  });

  it("gives up after about a day of tries (16 to 33 hours)", () => {
    const total = (r: number) => Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => backoffMs(i + 1, () => r)).reduce((a, b) => a + b, 0);
    expect(total(0) / 3_600_000).toBeGreaterThan(16);
    expect(total(1) / 3_600_000).toBeLessThan(33);
  });
});

describe("what an LRS's answer means", () => {
  it("sends a JSON array with Basic auth and the version header", async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const spy = (async (url: URL, init: RequestInit) => {
      seen = { url: String(url), init };
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    expect(await postStatements(conn, ['{"id":"a"}', '{"id":"b"}'], { fetch: spy })).toEqual({ kind: "ok", status: 204 });
    expect(seen?.url).toBe("https://lrs.example/xapi/statements");
    expect(seen?.init.body).toBe('[{"id":"a"},{"id":"b"}]');
    expect(seen?.init.headers).toEqual({ "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3", Authorization: `Basic ${Buffer.from("k:s:é").toString("base64")}` });
  });

  it.each([
    [200, 1, "ok"],
    [409, 1, "reject"],
    [409, 2, "split"],
    [400, 1, "reject"],
    [400, 3, "split"],
    [413, 2, "split"],
    [413, 1, "retry"],
    [401, 1, "retry"],
    [429, 2, "retry"],
    [503, 1, "retry"],
  ])("HTTP %i for %i statement(s): %s", async (status, count, kind) => {
    expect((await postStatements(conn, Array.from({ length: count }, () => "{}"), { fetch: answering(status) })).kind).toBe(kind);
  });

  it("retries after a network error or a timeout, naming which", async () => {
    const refused = (async () => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    }) as unknown as typeof fetch;
    expect(await postStatements(conn, ["{}"], { fetch: refused })).toEqual({ kind: "retry", error: "network: ECONNREFUSED" });
    const slow = (async (_url: URL, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener("abort", () => reject(init.signal!.reason)))) as unknown as typeof fetch;
    expect(await postStatements(conn, ["{}"], { fetch: slow, timeoutMs: 20 })).toEqual({ kind: "retry", error: "timeout" });
  });
});
