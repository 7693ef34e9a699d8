// content/locales.json through i18n/locales.ts: the committed file is valid and every enabled
// language has its messages; a file with the four planned languages gives each its direction.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localeTable, locales } from "./locales";

const FOUR = {
  defaultLocale: "en",
  locales: [
    { code: "en", name: "English", dir: "ltr" },
    { code: "ar", name: "العربية", dir: "rtl" },
    { code: "fr", name: "Français", dir: "ltr" },
    { code: "es", name: "Español", dir: "ltr" },
  ],
};

describe("content/locales.json", () => {
  it("is valid, with the default among the enabled locales", () => {
    expect(locales.codes).toContain(locales.defaultLocale);
    expect(locales.dir(locales.defaultLocale)).toBe("ltr");
  });

  it("enables English, French, Spanish and Arabic, Arabic right to left", () => {
    expect(locales.codes).toEqual(["en", "fr", "es", "ar"]);
    expect(locales.dir("ar")).toBe("rtl");
  });

  it("enables only languages whose messages exist", () => {
    for (const code of locales.codes) expect(fs.existsSync(path.join(process.cwd(), "content", code, "messages.json")), code).toBe(true);
  });
});

describe("localeTable", () => {
  const table = localeTable(FOUR);

  it("gives Arabic right to left and the others left to right", () => {
    expect(table.dir("ar")).toBe("rtl");
    expect(["en", "fr", "es"].map(table.dir)).toEqual(["ltr", "ltr", "ltr"]);
  });

  it("names each language in itself, in the file's order", () => {
    expect(table.codes).toEqual(["en", "ar", "fr", "es"]);
    expect(table.name("ar")).toBe("العربية");
    expect(table.languages.map((l) => l.name)).toEqual(["English", "العربية", "Français", "Español"]);
  });

  it("knows only the listed codes", () => {
    expect(table.isLocale("fr")).toBe(true);
    for (const other of ["de", "EN", "", "en/", null, 1]) expect(table.isLocale(other)).toBe(false);
    expect(() => table.dir("de")).toThrow(/Unknown locale "de"/);
  });

  it("accepts an entry marked partial (the content check's word; the app serves it alike)", () => {
    const partial = localeTable({ ...FOUR, locales: [FOUR.locales[0], { ...FOUR.locales[1], status: "partial" }] });
    expect(partial.codes).toEqual(["en", "ar"]);
    expect(() => localeTable({ ...FOUR, locales: [{ ...FOUR.locales[0], status: "half" }] })).toThrow(/locales\.0\.status/);
  });

  it("refuses a file with a default that is not listed, a code twice, a bad code or direction", () => {
    expect(() => localeTable({ ...FOUR, defaultLocale: "de" })).toThrow(/defaultLocale/);
    expect(() => localeTable({ ...FOUR, locales: [...FOUR.locales, FOUR.locales[1]] })).toThrow(/listed twice: ar/);
    expect(() => localeTable({ ...FOUR, locales: [{ code: "english", name: "English", dir: "ltr" }] })).toThrow(/locales\.0\.code/);
    expect(() => localeTable({ ...FOUR, locales: [{ code: "en", name: "English", dir: "up" }] })).toThrow(/locales\.0\.dir/);
    expect(() => localeTable({ defaultLocale: "en", locales: [] })).toThrow(/locales/);
  });
});
