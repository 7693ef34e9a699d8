import { describe, expect, it } from "vitest";
import { isKnownLocale, knownLocale, KNOWN_LOCALES, localeCodes } from "./known-locales";

describe("localeCodes (content/locales.json in either format)", () => {
  it("reads a list of codes", () => {
    expect(localeCodes({ defaultLocale: "en", locales: ["en", "fr"] })).toEqual({ defaultLocale: "en", locales: ["en", "fr"] });
  });

  it("reads a list of entries with code, name and dir", () => {
    const file = { defaultLocale: "en", locales: [{ code: "en", name: "English", dir: "ltr" }, { code: "ar", name: "العربية", dir: "rtl" }, { code: "fr", name: "Français", dir: "ltr" }] };
    expect(localeCodes(file)).toEqual({ defaultLocale: "en", locales: ["en", "ar", "fr"] });
  });

  it("skips what is not a locale code and falls back to a default it knows", () => {
    expect(localeCodes({ defaultLocale: "xx", locales: ["fr", { code: 3 }, { name: "no code" }, "Fr", "fr", "../etc"] })).toEqual({ defaultLocale: "fr", locales: ["fr"] });
    expect(localeCodes(null)).toEqual({ defaultLocale: "en", locales: ["en"] });
    expect(localeCodes({ locales: "en" })).toEqual({ defaultLocale: "en", locales: ["en"] });
  });
});

describe("the app's known locales", () => {
  it("include the default, English, and refuse anything else", () => {
    expect(KNOWN_LOCALES).toContain("en");
    expect(isKnownLocale("en")).toBe(true);
    expect(isKnownLocale("zz")).toBe(false);
    expect(knownLocale.safeParse("en").success).toBe(true);
    expect(knownLocale.safeParse("zz").success).toBe(false);
    expect(knownLocale.safeParse(7).success).toBe(false);
  });
});
