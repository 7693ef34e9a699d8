import { describe, expect, it } from "vitest";
import { inLocale } from "./locale-path";

describe("inLocale", () => {
  it("swaps the locale prefix and keeps the rest of the path, the query and the fragment", () => {
    expect(inLocale("/en/courses/responding-well/01-intro", "ar", "?from=dashboard#quiz")).toBe("/ar/courses/responding-well/01-intro?from=dashboard#quiz");
    expect(inLocale("/fr", "en")).toBe("/en");
    expect(inLocale("/en/", "es")).toBe("/es/");
    expect(inLocale("/pt-BR/help/gb", "en", "?x=1")).toBe("/en/help/gb?x=1");
  });
});
