import { describe, expect, it } from "vitest";
import { findCountry, telHref, webHref } from "./contact";

describe("telHref", () => {
  it.each([
    ["999", "tel:999"],
    ["0800 789 321", "tel:0800789321"],
    ["1-800-225-5324", "tel:18002255324"],
    [" +44 20 7946 0000", "tel:+442079460000"],
    ["1-800-CALL-FBI (1-800-225-5324)", "tel:18002255324"],
    ["1-800-CALL-FBI", "tel:18002255324"],
  ])("%s -> %s", (phone, href) => expect(telHref(phone)).toBe(href));
});

describe("webHref", () => {
  it("adds https:// to a bare address and never doubles a scheme", () => {
    expect(webHref("gov.uk/ACT")).toBe("https://gov.uk/ACT");
    expect(webHref("https://tips.fbi.gov")).toBe("https://tips.fbi.gov");
    expect(webHref("http://example.org")).toBe("https://example.org");
  });
});

describe("findCountry", () => {
  const channels = {
    unknownCountry: { emergencyNote: "e", reportNote: "r" },
    countries: [
      {
        code: "GB", name: "United Kingdom", emergency: ["999"], report: [], worried: [], exit: [], crisis: [], child: [], hate: [], self: [], advice: {},
        confidence: "high" as const, source: { title: "t", publisher: "p", date: "2025" }, lastVerified: "2025-01-01",
      },
    ],
  };
  it("matches the route segment case-insensitively", () => {
    expect(findCountry(channels, "gb")?.name).toBe("United Kingdom");
    expect(findCountry(channels, "fr")).toBeUndefined();
    expect(findCountry(undefined, "gb")).toBeUndefined();
  });
});
