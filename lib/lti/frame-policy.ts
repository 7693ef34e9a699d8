// The Content-Security-Policy of the LTI pages (/<locale>/lti/...): the app's own policy
// (next.config.js, which gives these pages frame-ancestors 'none' until this runs), with two
// directives widened to the registered platforms' origins only: frame-ancestors, so the LMS may
// show them in its iframe, and form-action, so the deep-linking answer may be posted back to it.
// Read from the database, kept for a short while (lib/lti/platforms.ts cachedPlatformOrigins).
import "server-only";
import { getDb } from "@/lib/db";
import { cachedPlatformOrigins } from "./platforms";

/** Paths the policy applies to: the LTI pages of every locale. */
export const LTI_PAGE = /^\/[a-z]{2}(?:-[A-Z]{2})?\/lti(?:\/|$)/;

/** The origins that may frame the LTI pages (cached: lib/lti/platforms.ts). */
export async function frameOrigins(): Promise<string[]> {
  return cachedPlatformOrigins(await getDb());
}

/** `policy` (the app's CSP) with frame-ancestors and form-action opened to `origins`, and nothing else changed. */
export function ltiPolicy(policy: string, origins: readonly string[]): string {
  const list = origins.filter((o) => /^https?:\/\/[^\s;,'"]+$/.test(o)).join(" ");
  return policy
    .split(";")
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const name = d.split(/\s+/)[0];
      if (name === "frame-ancestors") return `frame-ancestors ${list || "'none'"}`;
      if (name === "form-action") return `form-action 'self'${list ? ` ${list}` : ""}`;
      return d;
    })
    .join("; ");
}
