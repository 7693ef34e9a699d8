// The app's Content-Security-Policy, from lib/http/csp.json: next.config.js sends it on every
// response (its comments say why each directive), and proxy.ts derives the LTI pages' policy from
// it (lib/lti/frame-policy.ts), so the two never drift apart. React needs eval only in dev.
import csp from "./csp.json";

export function contentSecurityPolicy(production: boolean): string {
  return csp.directives.map((d) => (d.startsWith("script-src") && !production ? `${d} 'unsafe-eval'` : d)).join("; ");
}
