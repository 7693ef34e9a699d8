import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { userName } from "./name-schema";
import { nameRefusal, normaliseName, plainName } from "./names";

const check = (raw: string) => nameRefusal(normaliseName(raw));

describe("names that are accepted", () => {
  it.each([
    ["plain", "Ann Lee", "Ann Lee"],
    ["NFD input is stored as NFC", "Zoe\u0308", "Zoë"],
    ["already NFC", "Zoë", "Zoë"],
    ["Vietnamese, two marks on one letter", "Nguye\u0302\u0303n", "Nguyễn"],
    ["a combining sequence with no precomposed form", "x\u0301\u0327", "x\u0327\u0301"],
    ["Arabic", "مجموعة الثلاثاء", "مجموعة الثلاثاء"],
    ["Hebrew", "קבוצה", "קבוצה"],
    ["Korean", "김민준", "김민준"],
    ["Korean typed as conjoining jamo becomes one syllable", "\u1100\u1161\u11A8", "각"],
    ["a non-breaking space inside (French)", "Jean\u00A0Paul", "Jean\u00A0Paul"],
    ["Cyrillic", "Группа 7", "Группа 7"],
    ["Greek", "Ομάδα", "Ομάδα"],
    ["CJK", "星期二小组", "星期二小组"],
    ["Devanagari (virama and vowel signs are marks)", "प्रिया", "प्रिया"],
    ["Persian with a zero-width non-joiner between letters", "می\u200Cخواهم", "می\u200Cخواهم"],
    ["emoji", "Team 🌍", "Team 🌍"],
    ["an emoji sequence joined by ZWJ", "Dev 👩\u200D💻", "Dev 👩\u200D💻"],
    ["a subdivision flag (tag characters)", "Leeds 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "Leeds 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"],
    ["surrounding spaces are trimmed", "  Sam  ", "Sam"],
  ])("%s", (_what, raw, stored) => {
    expect(normaliseName(raw)).toBe(stored);
    expect(check(raw)).toBeNull();
  });
});

/** Every refused code point named by issue #19, and the other invisible ones this module refuses. */
const REFUSED: [string, number, string][] = [
  ["right-to-left override", 0x202e, "bidi"],
  ["left-to-right embedding", 0x202a, "bidi"],
  ["right-to-left embedding", 0x202b, "bidi"],
  ["pop directional formatting", 0x202c, "bidi"],
  ["left-to-right override", 0x202d, "bidi"],
  ["left-to-right isolate", 0x2066, "bidi"],
  ["right-to-left isolate", 0x2067, "bidi"],
  ["first strong isolate", 0x2068, "bidi"],
  ["pop directional isolate", 0x2069, "bidi"],
  ["left-to-right mark", 0x200e, "bidi"],
  ["right-to-left mark", 0x200f, "bidi"],
  ["Arabic letter mark", 0x061c, "bidi"],
  ["NUL", 0x0000, "control"],
  ["ESC", 0x001b, "control"],
  ["backspace", 0x0008, "control"],
  ["tab inside", 0x0009, "control"],
  ["line feed inside", 0x000a, "control"],
  ["carriage return inside", 0x000d, "control"],
  ["DEL", 0x007f, "control"],
  ["C1: next line", 0x0085, "control"],
  ["C1: control sequence introducer", 0x009b, "control"],
  ["zero-width space", 0x200b, "invisible"],
  ["word joiner", 0x2060, "invisible"],
  ["invisible times", 0x2062, "invisible"],
  ["byte order mark inside", 0xfeff, "invisible"],
  ["soft hyphen", 0x00ad, "invisible"],
  ["Mongolian vowel separator", 0x180e, "invisible"],
  ["Arabic number sign", 0x0600, "invisible"],
  ["interlinear annotation anchor", 0xfff9, "invisible"],
  ["a lone tag character", 0xe0041, "invisible"],
  ["line separator", 0x2028, "invisible"],
  ["paragraph separator", 0x2029, "invisible"],
  ["Hangul filler", 0x3164, "invisible"],
  ["Hangul choseong filler", 0x115f, "invisible"],
  ["halfwidth Hangul filler", 0xffa0, "invisible"],
  ["braille pattern blank", 0x2800, "invisible"],
  ["noncharacter U+FDD0", 0xfdd0, "invisible"],
  ["noncharacter U+FFFE", 0xfffe, "invisible"],
  ["noncharacter U+10FFFF", 0x10ffff, "invisible"],
];

describe("names that are refused", () => {
  it.each(REFUSED)("%s (U+%s)", (_what, cp, problem) => {
    const ch = String.fromCodePoint(cp);
    const refusal = check(`Ann${ch}Lee`);
    expect(refusal).toMatchObject({ problem, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, "0")}` });
    // Shown on output as U+FFFD, whatever was stored before this rule.
    expect(plainName(`Ann${ch}Lee`)).toBe("Ann\uFFFDLee");
  });

  it.each([
    ["a lone high surrogate", "Ann\uD800Lee"],
    ["a lone low surrogate", "Ann\uDC00Lee"],
    ["a joiner at the start", "\u200DAnn"],
    ["a joiner at the end", "Ann\u200C"],
    ["a joiner next to a space", "Ann \u200DLee"],
    ["two joiners in a row", "Ann\u200D\u200DLee"],
    ["a tag sequence not after a black flag", "Ann\u{E0067}\u{E0062}\u{E007F}"],
  ])("%s", (_what, raw) => {
    expect(check(raw)?.problem).toBe("invisible");
    expect(plainName(raw)).toContain("\uFFFD");
  });

  it.each([
    ["a combining mark at the start", "\u0301Ann"],
    ["five marks on one letter", "Max\u0301\u0302\u0303\u0304\u0305"],
  ])("%s", (_what, raw) => {
    expect(check(raw)?.problem).toBe("mark");
  });

  it("a name that is only refused characters is not mistaken for an empty one", () => {
    expect(check("\u202E\u202E")).toMatchObject({ problem: "bidi" });
  });
});

describe("userName (the zod field every name schema uses)", () => {
  const field = userName("names.displayNameEmpty", 10);
  it("stores NFC and trimmed", () => {
    expect(field.parse("  Zoe\u0308 ")).toBe("Zoë");
  });
  it("counts the length after NFC (an NFD name is not refused for its decomposed length)", () => {
    expect(field.parse("e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301")).toBe("éééééé");
  });
  it("names the refused character in its message", () => {
    const r = field.safeParse("Ann\u202Egnp.exe long");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ message: "names.bidi", params: { codePoint: "U+202E" } });
  });
  it("refuses empty names with the given key, long ones with zod's too_big (worded by lib/http/zod-errors.ts)", () => {
    expect(field.safeParse("   ").error?.issues[0].message).toBe("names.displayNameEmpty");
    expect(field.safeParse("x".repeat(11)).error?.issues[0]).toMatchObject({ code: "too_big", maximum: 10 });
  });
});

describe("plainName", () => {
  it("leaves an accepted name as it is (NFC)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 20 }), (s) => {
        const name = normaliseName(s);
        fc.pre(nameRefusal(name) === null);
        expect(plainName(name)).toBe(name);
      }),
    );
  });
  it("always gives a name this module accepts, apart from marks", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => {
        const refusal = nameRefusal(plainName(s));
        expect(refusal === null || refusal.problem === "mark").toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
