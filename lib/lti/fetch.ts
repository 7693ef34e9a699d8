// Every request the tool makes to a platform (its JWKS, token endpoint, scores, memberships):
// a deadline, no redirects followed to elsewhere, and a ceiling on what is read back, so a slow
// or hostile LMS costs a few seconds and a few hundred kilobytes, never a stuck worker.
import "server-only";
import { readStreamCapped } from "@/lib/http/body";

export const FETCH_TIMEOUT_MS = 5_000;
export const RESPONSE_MAX_BYTES = 256 * 1024;

export class PlatformFetchError extends Error {
  constructor(
    readonly reason: "timeout" | "network" | "status" | "too_large" | "not_json",
    readonly status?: number,
  ) {
    super(`platform request failed: ${reason}${status ? ` ${status}` : ""}`);
    this.name = "PlatformFetchError";
  }
}

/** Fetches `url` and returns its body as JSON (or null for an empty body); throws PlatformFetchError. */
export async function fetchJson(url: string, init: RequestInit = {}, fetcher: typeof fetch = fetch, timeoutMs = FETCH_TIMEOUT_MS): Promise<unknown> {
  let res: Response;
  try {
    res = await fetcher(url, { ...init, redirect: "error", signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new PlatformFetchError(e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError") ? "timeout" : "network");
  }
  const text = await readBounded(res);
  if (!res.ok) throw new PlatformFetchError("status", res.status);
  if (!text.trim()) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PlatformFetchError("not_json", res.status);
  }
}

async function readBounded(res: Response): Promise<string> {
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > RESPONSE_MAX_BYTES) {
    await res.body?.cancel().catch(() => {});
    throw new PlatformFetchError("too_large", res.status);
  }
  const bytes = await readStreamCapped(res.body, RESPONSE_MAX_BYTES, () => new PlatformFetchError("too_large", res.status));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}
