// The LTI pages' policy: the app's own, with frame-ancestors and form-action naming the registered
// platforms and nothing else changed; no platform, no framing.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/http/csp";
import { LTI_PAGE, ltiPolicy } from "./frame-policy";

const base = contentSecurityPolicy(true);

describe("ltiPolicy", () => {
  it("opens frame-ancestors and form-action to the platforms only", () => {
    const policy = ltiPolicy(base, ["https://moodle.school.example", "https://canvas.instructure.com"]);
    expect(policy).toContain("frame-ancestors https://moodle.school.example https://canvas.instructure.com");
    expect(policy).toContain("form-action 'self' https://moodle.school.example https://canvas.instructure.com");
    // Everything else as it was.
    const rest = (p: string) => p.split("; ").filter((d) => !/^(frame-ancestors|form-action) /.test(d));
    expect(rest(policy)).toEqual(rest(base));
  });

  it("keeps frame-ancestors 'none' without platforms, and drops anything that is not an origin", () => {
    expect(ltiPolicy(base, [])).toBe(base);
    expect(ltiPolicy(base, ["*", "https://a.example; script-src *", "'unsafe-inline'"])).toBe(base);
  });

  it("applies to the LTI pages of every locale and nothing else", () => {
    expect(["/en/lti", "/fr/lti/courses/x", "/pt-BR/lti/error"].every((p) => LTI_PAGE.test(p))).toBe(true);
    expect(["/en/ltix", "/en/courses/lti", "/lti/x", "/api/lti/launch"].some((p) => LTI_PAGE.test(p))).toBe(false);
  });
});
