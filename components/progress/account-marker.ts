// The opaque marker of an account on this browser: the outbox records it on each of the account's
// writes, so they are sent under that account's session and no other (outbox.ts, outbox-sw.ts).
// A hash of the account's id as the session endpoint gives it: the same account signing in again
// finds its own writes; another account's marker differs; the id itself is not stored. Not a
// secret and grants nothing (every request is checked by the server); a plain hash, because
// crypto.subtle is missing on a hall's plain-http address. No DOM: the service worker uses it too.

/** cyrb53 (public domain): a fast 53-bit string hash. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The marker for an account id (two seeds: about 106 bits, so two accounts never share one). */
export function accountMarker(userId: string): string {
  const text = `common-ground/outbox/${userId}`;
  return `a${cyrb53(text, 1).toString(36)}${cyrb53(text, 2).toString(36)}`;
}

/** The marker of the session the server sees, from next-auth's session answer; null when signed out. */
export function markerFromSession(session: unknown): string | null {
  const id = (session as { user?: { id?: unknown } } | null)?.user?.id;
  return typeof id === "string" && id ? accountMarker(id) : null;
}
