// What the service worker may keep. One pure function of a request and its response, so the rule
// that a shared school computer keeps nothing personal is written (and tested) once, and the
// service worker (app/sw.ts) only asks it. Runs in the worker and in tests: no I/O, no DOM.

/** The parts of a request the rule looks at (a Request satisfies it). */
export interface PolicyRequest {
  url: string;
  method: string;
  /** "include" asks for cookies on a cross-origin request too: never cached. */
  credentials?: RequestCredentials;
}

/** The parts of a response the rule looks at (a Response satisfies it). */
export interface PolicyResponse {
  status: number;
  /** "basic" for a same-origin answer; "opaque"/"cors" come from elsewhere. */
  type: ResponseType;
  /** A page reached through a redirect cannot answer a navigation (the browser refuses it). */
  redirected?: boolean;
  headers: { get(name: string): string | null };
}

/**
 * Pages (after the locale) that show a person's own data or need the server to do anything:
 * signed-in screens, facilitators' and admins' screens, and the forms of signing in and joining.
 * The fallback page says these need the network, which is honest; a stale copy would not be.
 */
const PERSONAL_PAGES = ["dashboard", "account", "account-deleted", "facilitate", "admin", "groups", "live", "sign-in", "sign-up", "join"];

const LOCALE = /^[a-z]{2}(?:-[A-Z]{2})?$/;

/** Whether a same-origin path is personal or needs the server, whoever asks and whatever it answers. */
export function isPersonalPath(pathname: string): boolean {
  const parts = pathname.split("/").filter(Boolean);
  if (parts.length === 0) return false;
  // Anything under /api/ is data (answers, reports, exports, sessions); /_next/image is switched
  // off (next.config.js) and would be per request anyway.
  if (parts[0] === "api" || (parts[0] === "_next" && parts[1] === "image")) return true;
  const first = LOCALE.test(parts[0]) ? parts[1] : parts[0];
  return first !== undefined && PERSONAL_PAGES.includes(first);
}

/** Cache-Control directives that forbid keeping a copy in a shared place. */
function forbidsStoring(cacheControl: string | null): boolean {
  if (!cacheControl) return false;
  return cacheControl
    .toLowerCase()
    .split(",")
    .map((d) => d.trim().split("=")[0])
    .some((d) => d === "no-store" || d === "private");
}

/**
 * Whether the service worker may keep this response: a successful same-origin GET of a public
 * path whose answer does not say it is private, sets no cookie and does not vary by cookie.
 * Every condition must hold; anything unusual is not cached (the network answers instead).
 */
export function mayCache(request: PolicyRequest, response: PolicyResponse, origin: string): boolean {
  if (request.method !== "GET") return false;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return false;
  }
  if (url.origin !== origin || request.credentials === "include") return false;
  if (isPersonalPath(url.pathname)) return false;
  if (response.status !== 200 || response.type !== "basic" || response.redirected) return false;
  const headers = response.headers;
  if (forbidsStoring(headers.get("cache-control"))) return false;
  // A worker never sees Set-Cookie (a forbidden response header), but a proxy's copy could show it.
  if (headers.get("set-cookie") !== null) return false;
  const vary = (headers.get("vary") ?? "").toLowerCase();
  if (vary.split(",").some((v) => ["cookie", "authorization", "*"].includes(v.trim()))) return false;
  return true;
}
