// The browser's one way to talk to the app's API: JSON in and out, same origin only, and one error
// type (ApiError) carrying the server's safe message, its code and the field it is about
// ({ error, code, args?, field? }, lib/http/handler.ts). Each request names the page's language
// (X-Locale), so the server words its errors in it. Screens call these inside react-query queries and mutations; the outbox
// alone uses `request` directly, because it must read the status to decide on a retry.

export type SendMethod = "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A request the server refused (status >= 400) or that never reached it (status 0). `message` is
 * the server's words, or "" when it sent none: the form kit then shows its own fallback.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
    /** The message's key (lib/errors.ts ServerErrorArgs), for a page that words it itself. */
    readonly code?: string,
    readonly args?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** No answer at all (offline, DNS, connection reset): worth retrying later. */
  get offline(): boolean {
    return this.status === 0;
  }
}

/** Only the app's own paths: a full URL here would send the session's cookies elsewhere. */
function sameOrigin(url: string): string {
  if (!url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) throw new Error(`The API client only calls the app's own paths, not ${url}`);
  return url;
}

/**
 * The error an API answer stands for: the server's words in the page's language, with the field
 * the form marks beside its control. (An older server sent "field: message"; the prefix goes.) A
 * body that is not the API's JSON (a proxy's HTML page) gives an empty message.
 */
export async function errorFrom(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as { error?: unknown; field?: unknown; code?: unknown; args?: unknown } | null;
  const field = typeof body?.field === "string" && body.field ? body.field : undefined;
  let message = typeof body?.error === "string" ? body.error : "";
  if (field && message.startsWith(`${field}: `)) message = message.slice(field.length + 2);
  const code = typeof body?.code === "string" ? body.code : undefined;
  const args = body?.args && typeof body.args === "object" ? (body.args as Record<string, unknown>) : undefined;
  return new ApiError(message, res.status, field, code, args);
}

/** The page's language (the root layout sets <html lang>), for the server's error messages. */
function pageLocale(): string | undefined {
  return typeof document === "undefined" ? undefined : document.documentElement?.lang || undefined;
}

/**
 * Window event after each request: detail true when the server answered, false when the request
 * never reached it (the offline banner, components/offline/offline-status.tsx, listens).
 */
export const NETWORK_EVENT = "cg-network";

function networkState(reached: boolean) {
  if (typeof window !== "undefined") window.dispatchEvent(new CustomEvent(NETWORK_EVENT, { detail: reached }));
}

/** The low-level call: the Response whatever its status; a network failure is an ApiError with status 0. */
export async function request(method: "GET" | SendMethod, url: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const locale = pageLocale();
  if (locale) headers["X-Locale"] = locale;
  // Every state-changing route wants exactly application/json, even with nothing to say.
  if (method !== "GET") headers["Content-Type"] = "application/json";
  const init: RequestInit = { method, credentials: "same-origin", cache: "no-store", headers, signal };
  if (method !== "GET") init.body = JSON.stringify(body ?? {});
  const path = sameOrigin(url); // outside the try: a wrong URL is a bug to see, not a lost connection
  try {
    const res = await fetch(path, init);
    networkState(true);
    return res;
  } catch (e) {
    if (signal?.aborted) throw e; // react-query cancelled it: not a failure to show
    networkState(false);
    throw new ApiError("", 0);
  }
}

async function parse<T>(res: Response): Promise<T> {
  if (!res.ok) throw await errorFrom(res);
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    // A 200 that is not JSON is not the API (a captive portal's page): say nothing specific.
    throw new ApiError("", res.status);
  }
}

/** GET a JSON resource; pass react-query's signal so a dropped query stops its request. */
export async function apiGet<T>(url: string, signal?: AbortSignal): Promise<T> {
  return parse<T>(await request("GET", url, undefined, signal));
}

/** Send a JSON body (an empty object when there is nothing to say) and read the JSON answer. */
export async function apiSend<T = unknown>(method: SendMethod, url: string, body?: unknown): Promise<T> {
  return parse<T>(await request(method, url, body));
}
