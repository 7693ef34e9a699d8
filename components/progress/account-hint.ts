"use client";
// A non-secret hint that this browser has a signed-in session, so static pages know whether to
// sync without asking the server on every view. It grants nothing: every request is checked.
const NAME = "cg_signed_in";

export function isSignedInHint(): boolean {
  return typeof document !== "undefined" && document.cookie.split("; ").includes(`${NAME}=1`);
}

export function setSignedInHint(on: boolean) {
  document.cookie = on ? `${NAME}=1; Path=/; Max-Age=2592000; SameSite=Lax` : `${NAME}=; Path=/; Max-Age=0; SameSite=Lax`;
  window.dispatchEvent(new Event("cg-account-change"));
}

export function subscribeSignedInHint(listener: () => void) {
  window.addEventListener("cg-account-change", listener);
  return () => window.removeEventListener("cg-account-change", listener);
}
