// The client's address, for throttling. `next start` appends the socket address to
// X-Forwarded-For; each trusted proxy in front appends one more. Entries a client wrote itself
// come first and are ignored, so a forged header cannot pick someone else's throttle bucket.
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>, trustedProxyHops: number): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  const hops = value.split(",").map((s) => s.trim()).filter(Boolean);
  // The last entry was added by the Next server itself; trusted proxies add the ones before it.
  return hops[hops.length - 1 - trustedProxyHops] ?? hops[0] ?? "unknown";
}
