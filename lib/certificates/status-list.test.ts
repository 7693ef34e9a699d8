import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeStatusList, encodeStatusList, LIST_BITS, statusBit } from "./status-list";

describe("Bitstring Status List", () => {
  it("is at least 16 KB, GZIP then base64url with the multibase prefix u", () => {
    const encoded = encodeStatusList([]);
    expect(encoded.startsWith("u")).toBe(true);
    expect(encoded.slice(1)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(gunzipSync(Buffer.from(encoded.slice(1), "base64url")).length).toBe(16 * 1024);
    expect(() => encodeStatusList([], 1024)).toThrow();
  });

  it("puts position 0 in the left-most bit of the first byte", () => {
    const list = decodeStatusList(encodeStatusList([0, 9]))!;
    expect(list[0]).toBe(0x80);
    expect(list[1]).toBe(0x40);
  });

  it("decodes to exactly the positions that were set", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: LIST_BITS - 1 }), { maxLength: 50 }), (positions) => {
        const list = decodeStatusList(encodeStatusList(positions))!;
        const set = new Set(positions);
        for (const p of [...positions, 0, 1, LIST_BITS - 1, 12345]) expect(statusBit(list, p)).toBe(set.has(p));
      }),
      { numRuns: 50 },
    );
  });

  it("refuses what is not a list, and positions outside it", () => {
    expect(decodeStatusList("zabc")).toBeNull();
    expect(decodeStatusList("u!!!")).toBeNull();
    expect(decodeStatusList(`u${Buffer.from("not gzip").toString("base64url")}`)).toBeNull();
    const list = decodeStatusList(encodeStatusList([]))!;
    expect(statusBit(list, LIST_BITS)).toBeNull();
    expect(statusBit(list, -1)).toBeNull();
    expect(() => encodeStatusList([LIST_BITS])).toThrow();
  });
});
