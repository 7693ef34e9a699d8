"use client";
// A non-secret hint that this browser has a signed-in session, so static pages know whether to
// sync without asking the server on every view. It grants nothing: every request is checked.
// Its value also hints the role ("1" for a learner, "facilitator" or "admin"), only so the header
// can show the right links; the pages behind them check the role themselves.
// A second cookie holds the account's opaque marker (account-marker.ts), so the outbox knows whose
// writes it holds; it too grants nothing.
const NAME = "cg_signed_in";
const MARKER = "cg_account";
const MAX_AGE = "Max-Age=2592000";

export type HintRole = "learner" | "facilitator" | "admin";

/** The raw hint ("" when signed out). A string, so it is a stable snapshot for useSyncExternalStore. */
export function readAccountHint(): string {
  return readCookie(NAME);
}

function readCookie(name: string): string {
  if (typeof document === "undefined") return "";
  const pair = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`));
  return pair ? decodeURIComponent(pair.slice(name.length + 1)) : "";
}

function writeCookie(name: string, value: string) {
  document.cookie = value ? `${name}=${encodeURIComponent(value)}; Path=/; ${MAX_AGE}; SameSite=Lax` : `${name}=; Path=/; Max-Age=0; SameSite=Lax`;
}

/** The signed-in account's marker ("" when signed out or not yet known). */
export function readAccountMarker(): string {
  return readCookie(MARKER);
}

/** Records the marker of the account now signed in ("" forgets it). */
export function setAccountMarker(marker: string) {
  writeCookie(MARKER, marker);
}

/** True for any non-empty hint, whatever the role. */
export function isSignedInHint(): boolean {
  return readAccountHint() !== "";
}

export function roleFromHint(hint: string): HintRole | null {
  if (!hint) return null;
  return hint === "facilitator" || hint === "admin" ? hint : "learner";
}

/**
 * `true` marks the browser as signed in (keeping a role already known), `false` clears the hint,
 * and a role records it.
 */
export function setSignedInHint(on: boolean | HintRole) {
  const value = on === false ? "" : on === true ? readAccountHint() || "1" : on === "learner" ? "1" : on;
  writeCookie(NAME, value);
  if (!value) writeCookie(MARKER, "");
  window.dispatchEvent(new Event("cg-account-change"));
}

export function subscribeSignedInHint(listener: () => void) {
  window.addEventListener("cg-account-change", listener);
  return () => window.removeEventListener("cg-account-change", listener);
}
