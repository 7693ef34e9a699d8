import { describe, expect, it } from "vitest";
import { openPrivateKey, sealPrivateKey } from "./crypto";

const SECRET = "s".repeat(40);

describe("sealed private keys", () => {
  it("opens with the same secret and key id, and hides the plain text", () => {
    const sealed = sealPrivateKey('{"d":"private"}', SECRET, "kid-1");
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("private");
    expect(openPrivateKey(sealed, SECRET, "kid-1")).toBe('{"d":"private"}');
    // A fresh IV each time: the same key sealed twice differs.
    expect(sealPrivateKey('{"d":"private"}', SECRET, "kid-1")).not.toBe(sealed);
  });

  it("refuses another secret, another key's row, a changed byte and an unknown format", () => {
    const sealed = sealPrivateKey('{"d":"private"}', SECRET, "kid-1");
    expect(() => openPrivateKey(sealed, "t".repeat(40), "kid-1")).toThrow(/cannot be decrypted/);
    expect(() => openPrivateKey(sealed, SECRET, "kid-2")).toThrow(/cannot be decrypted/);
    const parts = sealed.split(".");
    parts[2] = Buffer.from(Buffer.from(parts[2], "base64url").map((b, i) => (i === 0 ? b ^ 1 : b))).toString("base64url");
    expect(() => openPrivateKey(parts.join("."), SECRET, "kid-1")).toThrow(/cannot be decrypted/);
    expect(() => openPrivateKey("v0.a.b.c", SECRET, "kid-1")).toThrow(/unknown sealed format/);
  });
});
