// Cross-site request refusal for every state-changing request (issue #19): besides SameSite
// cookies, a POST, PUT, PATCH or DELETE must come from the app's own pages. A browser says where a
// request comes from in Origin and Sec-Fetch-Site, and a page on another site cannot forge either.
import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** An HTTP token (RFC 9110): a media type parameter's name. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The app's own origin: NEXTAUTH_URL's when it is set; otherwise the address this request was
 * sent to (its Host header, and the scheme a proxy in front reports or the request's own), so a
 * laptop in a hall works at whatever address people reach it by. A cross-site page cannot set
 * these headers on a victim's request without a CORS preflight, which the app never grants.
 */
export function appOrigin(request: Request): string {
  const configured = env().authUrl;
  if (configured) return new URL(configured).origin;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0].trim() || request.headers.get("host") || url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() || url.protocol.slice(0, -1);
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return url.origin;
  }
}

/**
 * Why a browser sent this request from another site, or null when it did not. Requests without
 * either header (curl, server to server, old browsers on GET) pass: they carry no victim's cookie
 * sent on a page's behalf.
 */
export function crossSiteReason(request: Request): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const site = request.headers.get("sec-fetch-site");
  // "none": the person did it themselves (typed the address, a bookmark).
  if (site !== null && site !== "same-origin" && site !== "none") return `sec-fetch-site ${site.slice(0, 20)}`;
  const origin = request.headers.get("origin");
  // "null" is an opaque origin (a sandboxed frame, a data: page, a cross-site redirect): foreign.
  if (origin !== null && origin !== appOrigin(request)) return "origin";
  return null;
}

/** Throws "forbidden" (403) for a state-changing request another site's page sent. */
export function refuseCrossSite(request: Request): void {
  const reason = crossSiteReason(request);
  if (!reason) return;
  // The path only: never the origin or a query, which could carry something personal.
  log("http.refused", { reason, method: request.method, path: new URL(request.url).pathname });
  throw new AppError("forbidden", "http.crossSite");
}

/**
 * Exactly application/json (any case), with optional parameters, of which a charset must be
 * utf-8. "text/plain; charset=application/json" merely contains the words: a browser sends it
 * cross-site without asking first, so it must not count.
 */
export function isJsonMediaType(header: string | null): boolean {
  if (header === null) return false;
  const [essence, ...params] = header.split(";");
  if (essence.trim().toLowerCase() !== "application/json") return false;
  for (const param of params) {
    if (!param.trim()) continue; // "application/json;"
    const eq = param.indexOf("=");
    if (eq < 0 || !TOKEN.test(param.slice(0, eq).trim())) return false;
    const name = param.slice(0, eq).trim().toLowerCase();
    const raw = param.slice(eq + 1).trim();
    const value = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    if (name === "charset" && value.toLowerCase() !== "utf-8") return false;
  }
  return true;
}
