import { describe, expect, it } from "vitest";
import { proposeHelpCountry } from "./country-memory";

const pages = ["us", "gb", "ca", "au", "eu", "ke", "ph", "id", "ng"];

describe("the country proposed from the browser's languages", () => {
  it.each([
    [["en-GB"], "gb"],
    [["en-US", "en"], "us"],
    [["fr-CA", "fr"], "ca"],
    // The first stated region with a page wins, even behind a language without a region.
    [["en", "sw-KE"], "ke"],
    // A member state without a page of its own leads to the EU page.
    [["de-DE", "de"], "eu"],
    [["pt-BR"], null],
    // No region stated: no guess (Intl.Locale.maximize would say "US" for every English speaker).
    [["en"], null],
    [["es-419"], null],
    [["not a tag"], null],
    [[], null],
  ])("%j -> %s", (languages, expected) => {
    expect(proposeHelpCountry(languages, pages)).toBe(expected);
  });

  it("proposes only countries that have a page", () => {
    expect(proposeHelpCountry(["de-DE"], ["us", "gb"])).toBeNull();
    expect(proposeHelpCountry(["en-GB"], ["GB"])).toBe("gb");
  });
});
