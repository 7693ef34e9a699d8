// Who is asking, for the rate limits: the browser (the signed device cookie of lib/auth/device.ts)
// and the public address. Both are stored only as keyed hashes (HMAC with the app secret), so the
// limiter's table holds no address and no device id.
//
// The address: a Next 16 route handler has no request.ip. `next start` fills X-Forwarded-For from
// the socket only when the request has none (base-server.js: `x-forwarded-for ??=
// socket.remoteAddress`) and keeps a client-sent header as it is. Proxies we were told about
// (TRUST_PROXY_HOPS) each append the address they saw, so the client's address is that many
// entries from the right. With no proxy configured (0), the rightmost entry is used: the socket's
// address for every browser (browsers send no such header), or whatever a script wrote there. A
// script can thus dodge the address limits (the device and group limits still hold), and could
// use up one address's bucket only by naming that address; one shared "unknown" bucket instead
// would let any script lock every client out (measured in client.test.ts).
import "server-only";
import crypto from "node:crypto";
import { isIP } from "node:net";
import { readDeviceId } from "@/lib/auth/device";
import { env } from "@/lib/env";

export interface Client {
  /** HMAC of the device id, or null for a browser without a (valid) device cookie. */
  device: string | null;
  /** HMAC of the public address (IPv6: its /64), or "unknown" when no trusted proxy says. */
  address: string;
}

export interface ClientConfig {
  authSecret: string;
  secureCookies: boolean;
  trustProxyHops: number;
}

const keyed = (secret: string, what: string, value: string) => crypto.createHmac("sha256", secret).update(`ratelimit\u0000${what}\u0000${value}`).digest("hex");

/** Expands an IPv6 address to its eight groups; null if it is not one. */
function ipv6Groups(ip: string): number[] | null {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split(".").map(Number);
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const part = (s: string | undefined) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const h = part(head);
  const t = part(tail);
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * The address a limit should count: IPv4 as is; IPv4-mapped IPv6 as IPv4; other IPv6 by its /64,
 * the block one household or phone is given (counting whole addresses would let one client
 * rotate through 2^64 of them). Null when the text is not an address.
 */
export function addressBucket(raw: string): string | null {
  const ip = raw.trim().replace(/^\[(.*)\](:\d+)?$/, "$1").replace(/%.*$/, "");
  const kind = isIP(ip);
  if (kind === 4) return ip;
  if (kind !== 6) return null;
  const g = ipv6Groups(ip.toLowerCase());
  if (!g) return null;
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return `${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`;
  return `${g.slice(0, 4).map((x) => x.toString(16)).join(":")}::/64`;
}

/**
 * The client's address: the entry the outermost trusted proxy appended, or with none configured
 * the rightmost entry (next start's socket address, unless the client wrote the header itself).
 * Null when the header is shorter than the proxies (one did not append) or holds no address.
 */
export function clientAddress(headers: Headers, trustProxyHops: number): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const fromRight = Math.max(1, trustProxyHops);
  if (entries.length < fromRight) return null;
  return addressBucket(entries[entries.length - fromRight]);
}

export function clientOf(request: { headers: Headers }, config: ClientConfig): Client {
  const deviceId = readDeviceId(request.headers.get("cookie"), config.authSecret, config.secureCookies);
  const address = clientAddress(request.headers, config.trustProxyHops);
  return {
    device: deviceId ? keyed(config.authSecret, "device", deviceId) : null,
    address: address ? keyed(config.authSecret, "address", address) : "unknown",
  };
}

/** A caller that names no client (scripts, tests): counted in the shared "unknown" address bucket. */
export const UNKNOWN_CLIENT: Client = { device: null, address: "unknown" };

/** The client of a request to this server, by its configuration (lib/env.ts). */
export function requestClient(request: Request): Client {
  return clientOf(request, env());
}

/** The client of a server-rendered page's request (its headers, from next/headers). */
export function headersClient(headers: Headers): Client {
  return clientOf({ headers }, env());
}

/** The request's device id (the signed cookie), for the sign-in throttle's device bucket. */
export function requestDeviceId(request: Request): string | null {
  const { authSecret, secureCookies } = env();
  return readDeviceId(request.headers.get("cookie"), authSecret, secureCookies);
}
