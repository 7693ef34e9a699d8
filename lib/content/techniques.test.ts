// Every manipulation technique a post or card may name has words in every language's messages,
// so a printed key never shows a bare id such as "false-dichotomy", and lesson 11 teaches each one.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales as localeCodes } from "@/i18n/locales";
import { TECHNIQUES } from "./schema";

const root = path.join(process.cwd(), "content");
const locales = localeCodes.codes;

describe("manipulation techniques", () => {
  it.each(locales)("each has a label in %s/messages.json", (locale) => {
    const messages = JSON.parse(readFileSync(path.join(root, locale, "messages.json"), "utf8")) as {
      materials: { technique: Record<string, string> };
    };
    const labelled = Object.keys(messages.materials.technique);
    expect(labelled.sort()).toEqual([...TECHNIQUES].sort());
  });

  it("includes the four added by issue #21", () => {
    expect(TECHNIQUES).toEqual(expect.arrayContaining(["whataboutism", "decontextualisation", "scaremongering", "false-dichotomy"]));
  });

  it("are each taught by a heading in the English lesson 11", () => {
    const lesson = readFileSync(path.join(root, "en/courses/responding-well/lessons/11-manipulation-techniques.md"), "utf8");
    const headings = lesson.split("\n").filter((l) => l.startsWith("### ")).join("\n").toLowerCase();
    const taught: Record<(typeof TECHNIQUES)[number], string> = {
      impersonation: "impersonation", emotion: "emotion", polarisation: "polarisation", conspiracy: "conspiracy",
      discrediting: "discrediting", trolling: "trolling", "fake-expert": "fake experts", scapegoating: "scapegoating",
      whataboutism: "whataboutism", decontextualisation: "decontextualisation", scaremongering: "scaremongering",
      "false-dichotomy": "false dichotomy",
    };
    for (const t of TECHNIQUES) expect(headings, t).toContain(taught[t]);
  });
});
