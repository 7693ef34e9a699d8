import { describe, expect, it } from "vitest";
import { checkNewPassword, hashPassword, verifyPassword } from "./password";

describe("checkNewPassword", () => {
  it.each([
    { pw: "short1", ok: false, why: { key: "password.tooShort", args: { minimum: 8 } } },
    { pw: "x".repeat(129), ok: false, why: { key: "password.tooLong", args: { maximum: 128 } } },
    { pw: "password123", ok: false, why: { key: "password.common" } },
    { pw: "Password123", ok: false, why: { key: "password.common" } },
    { pw: "qwertyuiop", ok: false, why: { key: "password.common" } },
    { pw: "welcome2025", ok: false, why: { key: "password.common" } },
    { pw: "abababab", ok: false, why: { key: "password.easy" } },
    { pw: "amira.k2", ok: false, why: { key: "password.personal" }, ctx: { email: "amira.k@example.org" } },
    { pw: "river lamp orchard", ok: true },
    { pw: "Tr4velling-by-train", ok: true },
    { pw: "éclair à la crème", ok: true },
    { pw: "x".repeat(128), ok: false, why: { key: "password.easy" } },
  ])("$pw -> ok=$ok", ({ pw, ok, why, ctx }) => {
    const message = checkNewPassword(pw, ctx);
    if (ok) expect(message).toBeNull();
    else expect(message).toEqual(why);
  });
});

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id and the OWASP parameters, and verifies", async () => {
    const h = await hashPassword("river lamp orchard");
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, "river lamp orchard")).toBe(true);
    expect(await verifyPassword(h, "river lamp orchards")).toBe(false);
  });

  it("answers false for an unknown account (dummy hash), even for the dummy's own password", async () => {
    expect(await verifyPassword(null, "dummy password for timing")).toBe(false);
    expect(await verifyPassword(undefined, "anything at all")).toBe(false);
  });

  it("answers false for a damaged hash instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });
});
