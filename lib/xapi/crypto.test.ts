import { describe, expect, it } from "vitest";
import { nameUuid, newSalt, pseudonym, seal, unseal } from "./crypto";

const SECRET = "an auth secret of at least thirty-two characters";

describe("sealed LRS credentials", () => {
  it("opens with the same secret only, and never holds the plain text", () => {
    const sealed = seal('{"key":"k","secret":"hunter2"}', SECRET);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("hunter2");
    expect(unseal(sealed, SECRET)).toBe('{"key":"k","secret":"hunter2"}');
    expect(unseal(sealed, `${SECRET}!`)).toBeUndefined();
    expect(seal("same", SECRET)).not.toBe(seal("same", SECRET)); // a fresh IV each time
  });

  it("refuses altered or malformed text", () => {
    const [v, iv, tag, body] = seal("plain", SECRET).split(".");
    const flipped = body.slice(0, -2) + (body.at(-2) === "A" ? "B" : "A") + body.at(-1);
    expect(unseal([v, iv, tag, flipped].join("."), SECRET)).toBeUndefined();
    expect(unseal("v2.a.b.c", SECRET)).toBeUndefined();
    expect(unseal("nonsense", SECRET)).toBeUndefined();
  });
});

describe("pseudonyms and derived ids", () => {
  it("gives one opaque name per account and salt", () => {
    const salt = newSalt();
    expect(pseudonym(salt, "user-1")).toBe(pseudonym(salt, "user-1"));
    expect(pseudonym(salt, "user-1")).not.toBe(pseudonym(salt, "user-2"));
    expect(pseudonym(newSalt(), "user-1")).not.toBe(pseudonym(salt, "user-1"));
    expect(pseudonym(salt, "user-1")).toMatch(/^[\w-]{43}$/);
  });

  it("derives RFC 4122 version 5 UUIDs, the same for the same name", () => {
    const id = nameUuid("completion\nu\nc\nl\n2026-01-01T00:00:00.000Z");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameUuid("completion\nu\nc\nl\n2026-01-01T00:00:00.000Z")).toBe(id);
    expect(nameUuid("another")).not.toBe(id);
  });
});
