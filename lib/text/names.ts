// User-supplied names (display names, group names, nicknames): one rule for what a name may hold,
// used by every input schema, and one way to print a name stored before the rule existed.
// Pure: no I/O, safe in client components.
//
// Refused, because they are invisible or change how the text around them reads:
// - C0 and C1 controls, DEL (NUL, ESC, tab, CR, LF, ...): nothing to show, and terminals and
//   spreadsheets act on some of them;
// - the bidirectional controls U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069: an override
//   makes "Ann\u202Egnp.exe" read as "Annexe.png" and can reorder the text next to the name;
// - every other format character (Unicode category Cf: zero-width space, word joiner, BOM, soft
//   hyphen, invisible operators, Arabic number signs, ...): invisible, so two names that look
//   the same can differ, and a name can look empty. Two exceptions, because real names need them:
//   ZWNJ and ZWJ (U+200C, U+200D) between two visible characters (Persian and Indic spellings,
//   emoji such as a family or "woman technologist"), and the tag characters of a subdivision
//   flag (England, Scotland, Wales);
// - line and paragraph separators (U+2028, U+2029), lone surrogates and noncharacters
//   (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF): not text;
// - the blank "letters" used to make a name that shows as nothing: the Hangul fillers (U+115F,
//   U+1160, U+3164, U+FFA0; Korean names are typed as precomposed syllables) and the blank
//   braille pattern (U+2800);
// - a combining mark at the start (it would sit on the character before the name) and runs of
//   more than MAX_MARKS combining marks ("Zalgo" text that spills over the rows above and below).
// Private-use and unassigned code points are allowed: harmless, and new emoji are "unassigned" to
// an older Node until it updates its Unicode tables.

/** No script needs more marks on one letter (Vietnamese uses two after NFC, Indic scripts three). */
const MAX_MARKS = 4;

/** U+FDD0-U+FDEF and the last two code points of every plane: never text. */
const NONCHARACTERS = "\\uFDD0-\\uFDEF" + Array.from({ length: 17 }, (_, p) => `\\u{${(p * 0x10000 + 0xfffe).toString(16)}}\\u{${(p * 0x10000 + 0xffff).toString(16)}}`).join("");
/** The refused code points, one class: also used to neutralise names stored before this rule. */
const FORBIDDEN = `[\\p{Cc}\\p{Cf}\\p{Cs}\\u2028\\u2029\\u115F\\u1160\\u3164\\uFFA0\\u2800${NONCHARACTERS}]`;

/** The allowed uses of format characters, kept whole. */
const ALLOWED_JOINER = "(?<=[^\\s\\u200C\\u200D])[\\u200C\\u200D](?=[^\\s\\u200C\\u200D])";
const SUBDIVISION_FLAG = "\\u{1F3F4}[\\u{E0030}-\\u{E0039}\\u{E0061}-\\u{E007A}]{2,6}\\u{E007F}";
/** Allowed sequences first, so a joiner or tag inside one is never taken for a refused character. */
const SCAN = () => new RegExp(`(${SUBDIVISION_FLAG}|${ALLOWED_JOINER})|${FORBIDDEN}`, "gu");
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /[\p{Cc}]/u;
const LEADING_MARK = /^\p{M}/u;
const TOO_MANY_MARKS = new RegExp(`\\p{M}{${MAX_MARKS + 1},}`, "u");

export type NameProblem = "control" | "bidi" | "invisible" | "mark";

export interface NameRefusal {
  problem: NameProblem;
  /** The first refused code point as U+XXXX, so the message can name it. */
  codePoint?: string;
}

const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** A name as stored and compared: Unicode NFC, so "Zoë" typed either way is one name. */
export function normaliseName(raw: string): string {
  // A lone surrogate makes normalize() keep it as is; the check below refuses it.
  return raw.normalize("NFC").trim();
}

/** Why a normalised name is refused, or null when it is fine. */
export function nameRefusal(name: string): NameRefusal | null {
  for (const m of name.matchAll(SCAN())) {
    if (m[1] !== undefined) continue;
    const ch = m[0];
    const problem: NameProblem = BIDI.test(ch) ? "bidi" : CONTROL.test(ch) ? "control" : "invisible";
    return { problem, codePoint: hex(ch) };
  }
  if (LEADING_MARK.test(name) || TOO_MANY_MARKS.test(name)) return { problem: "mark" };
  return null;
}

/**
 * The message a person sees when their name is refused, as a zod custom issue's message (a server
 * error key, lib/errors.ts) and params (its arguments); lib/http/zod-errors.ts words it.
 */
export function nameRefusalMessage(refusal: NameRefusal): { message: "names.bidi" | "names.control" | "names.invisible"; params: { codePoint: string } } | { message: "names.mark" } {
  return refusal.problem === "mark" ? { message: "names.mark" } : { message: `names.${refusal.problem}`, params: { codePoint: refusal.codePoint ?? "" } };
}

/**
 * A name for plain-text output (CSV cells, file names, page titles), whatever was stored: NFC,
 * every refused code point shown as U+FFFD, so tampering stays visible but does nothing.
 */
export function plainName(stored: string): string {
  return stored.normalize("NFC").replace(SCAN(), (m, allowed?: string) => (allowed !== undefined ? m : "\uFFFD"));
}
