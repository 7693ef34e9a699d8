import { describe, expect, it } from "vitest";
import { lrsSettingsInput } from "./inputs";

const valid = { endpoint: "https://lrs.example.org/xapi/", version: "1.0.3", enabled: true };
const problem = (v: unknown) => {
  const r = lrsSettingsInput.safeParse(v);
  return r.success ? null : r.error.issues[0].message;
};

describe("the LRS settings form", () => {
  it("takes an http(s) endpoint, with or without both credentials", () => {
    expect(problem(valid)).toBeNull();
    expect(problem({ ...valid, endpoint: "http://127.0.0.1:8080/lrs", key: "k", secret: "s", activityBase: "https://learn.example.org" })).toBeNull();
  });

  it.each(["javascript:alert(1)", "ftp://lrs.example.org/", "https://user:pw@lrs.example.org/", "https://lrs.example.org/?a=1", "https://lrs.example.org/#x", "lrs.example.org"])("refuses the endpoint %s", (endpoint) => {
    expect(problem({ ...valid, endpoint })).toBe("xapi.badAddress");
  });

  it("asks for the key and the secret together", () => {
    expect(problem({ ...valid, key: "k" })).toBe("xapi.keyAndSecret");
    expect(problem({ ...valid, secret: "s" })).toBe("xapi.keyAndSecret");
  });

  it("knows two versions and no other field", () => {
    expect(problem({ ...valid, version: "0.95" })).not.toBeNull();
    expect(problem({ ...valid, salt: "mine" })).not.toBeNull();
  });
});
