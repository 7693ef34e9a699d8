// Join codes as people type and read them. Pure, so both the server page and the form use it.
// The server forgives the same things (lib/cohorts/mutations.ts normaliseJoinCode).

/** Upper case, without spaces or dashes. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/** Eight letters and digits: the shape of a code, before the server says whether it is open. */
export function looksLikeCode(normalised: string): boolean {
  return /^[A-Z0-9]{8}$/.test(normalised);
}

/** "ABCD2345" -> "ABCD 2345", easier to read aloud and to check. */
export function formatCode(normalised: string): string {
  return normalised.length === 8 ? `${normalised.slice(0, 4)} ${normalised.slice(4)}` : normalised;
}
