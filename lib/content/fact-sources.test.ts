import { describe, expect, it } from "vitest";
import { checkLessonFacts, factsOnLine, sectionHasSource } from "./fact-sources";

const sources = [
  { title: "Report on the Bondi Beach Hanukkah attack", publisher: "Associated Press" },
  { title: "Beyond the Caliphate", publisher: "The Soufan Center" },
];

describe("factsOnLine", () => {
  it.each([
    ["The caliphate collapsed in 2019.", ["2019"]],
    ["An attack killed 14 people.", ["14 people"]],
    ["More than 40,000 foreign fighters travelled.", ["40,000 foreign fighters"]],
    ["About 2,500 ISIS fighters remain.", ["2,500 ISIS fighters"]],
    ["Half of them, 52% of players, improved.", ["52%"]],
    ["It cost $3 million.", ["$3 million"]],
    // not facts
    ["Lesson 2 shows how analysts judge it.", []],
    ["**1:00 to 8:00 - Quiet time.**", []],
    ["Call 0800 789 321 or 1-800-CALL-FBI.", []],
    ["1. Rumours and speculation online.", []],
    ["Talk for 10 minutes, then 5 minutes of questions.", []],
    ["The line is open 24/7.", []],
    ["For ages 13-18.", []],
  ])("%s", (line, expected) => {
    expect(factsOnLine(line)).toEqual(expected);
  });
});

describe("sectionHasSource", () => {
  it.each([
    ["A link [the report](https://example.org/report).", true],
    ["Numbers (Soufan Center, 2017).", true],
    ["Updated (GOV.UK, February 2024).", true],
    ["Killed 14 people (AP).", true], // initials of a listed publisher
    ["Killed 14 people (Soufan Center).", true],
    ["| Number | What it counts | Source |\n|---|---|---|\n| 2,500 | fighters | US Central Command, 2024 |", true],
    ["| Nombre | Ce qu'il compte | Source |\n|---|---|---|\n| 2 500 | combattants | US Central Command, 2024 |", true],
    ["| Cifra | Qué cuenta | Fuente |\n|---|---|---|\n| 2500 | combatientes | US Central Command, 2024 |", true],
    ["| الرقم | ماذا يعد | المصدر |\n|---|---|---|\n| 2500 | مقاتل | US Central Command, 2024 |", true],
    ["| Cifra | Qué cuenta | Nota |\n|---|---|---|\n| 2500 | combatientes | aproximada |", false],
    ["Killed 14 people (UK).", false], // a bracket that names no listed source
    ["Killed 14 people.", false],
    ["See [the report](/local/page).", false], // not a web address
  ])("%s -> %s", (text, expected) => {
    expect(sectionHasSource(text, sources)).toBe(expected);
  });
});

describe("checkLessonFacts", () => {
  const body = [
    "Intro text without figures.",
    "## Sourced",
    "An attack killed 15 people in 2025 (AP).",
    "### A subsection",
    "It happened in 2025.",
    "## Unsourced",
    "In 2014 the group seized land.",
    ":::scenario",
    "In 2031, 400 people met in an invented town.",
    ":::",
  ].join("\n");

  it("sources a whole ## section, ### included, and names each unsourced fact by line", () => {
    const r = checkLessonFacts(body, sources);
    expect(r.findings).toEqual([{ line: 7, fact: "2014", section: "Unsourced" }]);
    expect(r.facts).toBe(4);
    expect(r.sourced).toBe(3);
  });

  it("skips invented figures inside a :::scenario block", () => {
    expect(checkLessonFacts(body, sources).findings.map((f) => f.fact)).not.toContain("2031");
  });
});
