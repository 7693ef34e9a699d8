// Reading one cookie from a raw Cookie header (route handlers that see the request, not next/headers).

/** The decoded value of cookie `name`, undefined when absent, "" when it cannot be decoded. */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | undefined {
  const match = (cookieHeader ?? "").split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  if (match === undefined) return undefined;
  try {
    return decodeURIComponent(match.slice(name.length + 1));
  } catch {
    return "";
  }
}
