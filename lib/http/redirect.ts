// The one check of every redirect target (issue #19): a `next` query, next-auth's callbackUrl, a
// path a page builds from its own params. Pure, with no server-only import: the sign-in form runs
// it in the browser as well as the server does.
//
// A target is judged as the browser will read it, by parsing it with the WHATWG URL parser
// against the app's own origin: that parser strips leading and trailing C0 controls and spaces,
// drops tab, LF and CR anywhere, and reads "\" as "/" in http(s) URLs. A pattern test of the raw
// string missed "/\t/evil.example", which the browser reads as "//evil.example", another site.

/**
 * The same-origin path (path + query + fragment) `target` leads to from `origin`, or null when
 * it leads anywhere else, or is not a string. The result is already normalised: it starts with
 * one "/", holds no character the browser would strip, and stays on whatever origin it is
 * resolved against.
 */
export function safeRedirectPath(target: unknown, origin: string): string | null {
  if (typeof target !== "string" || target === "") return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  // "/.//evil.example" parses to the path "//evil.example": as a link that is another host.
  if (url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The sign-in page that returns to `next` afterwards. `next` holds segments taken from the URL
 * (a group's id), so it is checked and encoded like any target; "/" stays readable.
 */
export function signInPath(locale: string, next: string): string {
  const back = safeRedirectPath(next, "http://app.invalid");
  return `/${encodeURIComponent(locale)}/sign-in${back ? `?next=${encodeURIComponent(back).replace(/%2F/g, "/")}` : ""}`;
}
