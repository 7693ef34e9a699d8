import { describe, expect, it } from "vitest";
import type { Contact, Country } from "./contact";
import { helpGroups } from "./help-groups";

const route = (name: string): Contact => ({ name, source: { url: "https://example.org" }, lastVerified: "2026-12-07", confidence: "high" });
const country = (extra: Partial<Country> = {}): Country => ({
  code: "GB", name: "United Kingdom", emergency: ["999"], report: [], worried: [], exit: [], crisis: [], child: [], hate: [], self: [], advice: {},
  confidence: "high", source: { title: "t", publisher: "p", date: "2026" }, lastVerified: "2026-12-07", ...extra,
});

describe("helpGroups", () => {
  it("always shows the four main worries, in order, and hides hate and child when empty", () => {
    expect(helpGroups(country()).map((g) => g.id)).toEqual(["danger", "online", "someone", "yourself"]);
  });

  it("shows hate and child routes when a country has them", () => {
    const groups = helpGroups(country({ hate: [route("CST")], child: [route("Childline")] }));
    expect(groups.map((g) => g.id)).toEqual(["danger", "online", "someone", "yourself", "hate", "child"]);
    expect(groups.at(-1)!.entries.map((e) => e.name)).toEqual(["Childline"]);
  });

  it("lists `self` for the worried-about-yourself path, or else crisis lines and exit programmes once each", () => {
    const samaritans = route("Samaritans");
    const exit = route("Exit Hate");
    expect(helpGroups(country({ crisis: [samaritans], self: [exit] })).find((g) => g.id === "yourself")!.entries).toEqual([exit]);
    const fallback = helpGroups(country({ crisis: [samaritans], exit: [exit], worried: [exit] })).find((g) => g.id === "yourself")!;
    expect(fallback.entries).toEqual([samaritans, exit]);
  });

  it("carries local advice, and shows a group that has only advice", () => {
    const groups = helpGroups(country({ advice: { worried: "Talk to the DSL first.", hate: "Report it to the police." } }));
    expect(groups.find((g) => g.id === "someone")!.advice).toBe("Talk to the DSL first.");
    expect(groups.find((g) => g.id === "hate")).toEqual({ id: "hate", entries: [], advice: "Report it to the police." });
  });
});
