// W3C Bitstring Status List v1.0: one bit per issued credential, set when it is revoked. The list
// is at least 16 KB (131,072 positions) and positions are drawn at random, so the list says
// nothing about how many credentials exist or which were issued together (the spec's "herd
// privacy"). Encoded as the spec says: GZIP, then base64url without padding, with the multibase
// prefix "u". The first position is the left-most (most significant) bit of the first byte.
// Pure: no I/O.
import { gunzipSync, gzipSync } from "node:zlib";

/** 16 KB of bits: the spec's minimum size. */
export const LIST_BITS = 16 * 1024 * 8;
/** The longest encoded list a verifier accepts (an uncompressed list of this size is 16 KB). */
const MAX_DECODED_BYTES = 1024 * 1024;

/** The encoded list with the given positions set. */
export function encodeStatusList(setPositions: Iterable<number>, bits = LIST_BITS): string {
  if (bits % 8 !== 0 || bits < LIST_BITS) throw new Error(`a status list has a multiple of 8 bits, at least ${LIST_BITS}`);
  const bytes = new Uint8Array(bits / 8);
  for (const p of setPositions) {
    if (!Number.isInteger(p) || p < 0 || p >= bits) throw new Error(`status position ${p} is outside the list`);
    bytes[p >> 3] |= 0x80 >> (p & 7);
  }
  return `u${gzipSync(bytes).toString("base64url")}`;
}

/** The list's bytes, or null when the text is not an encoded list (wrong prefix, not GZIP, too large). */
export function decodeStatusList(encoded: string): Uint8Array | null {
  if (typeof encoded !== "string" || !encoded.startsWith("u")) return null;
  try {
    const bytes = gunzipSync(Buffer.from(encoded.slice(1), "base64url"), { maxOutputLength: MAX_DECODED_BYTES });
    return new Uint8Array(bytes);
  } catch {
    return null;
  }
}

/** Whether the position's bit is set; null when it lies outside the list. */
export function statusBit(list: Uint8Array, position: number): boolean | null {
  if (!Number.isInteger(position) || position < 0 || position >= list.length * 8) return null;
  return (list[position >> 3] & (0x80 >> (position & 7))) !== 0;
}
