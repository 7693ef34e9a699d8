import { describe, expect, it } from "vitest";
import { getCourses } from "@/lib/content";
import { addableContent, liveContent } from "./content";
import { stepOf } from "./inputs";
import { stepExists } from "./steps";

const course = getCourses("en")[0];

describe("addableContent (Add from the course)", () => {
  const ad = addableContent("en", course.id, { trackId: "workshop", group: false });
  const group = addableContent("en", course.id, { trackId: "workshop", group: true });
  const items = group.flatMap((s) => s.items);

  it("offers every lesson's questions, a scenario, discernment rounds and the plan's discussions, each naming content that exists", () => {
    const kinds = new Set(items.map((i) => i.kind));
    for (const kind of ["question", "scenario", "discernment", "check", "discussion"]) expect(kinds).toContain(kind);
    for (const item of items) {
      const step = stepOf(course.id, item.address)!;
      expect(step.key).toBe(item.key);
      expect(stepExists(step, liveContent("en")), item.key).toBe(true);
    }
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it("leaves out the versions of a bias-check pair, which the store refuses", () => {
    const content = liveContent("en");
    for (const item of items) {
      if (item.address.kind === "question" || item.address.kind === "discernment") expect(content.pairedQuestions(course.id, item.address.lesson).has(item.address.question)).toBe(false);
    }
  });

  it("offers the checks to group sessions only, and discussions only with a workshop plan", () => {
    expect(group.some((s) => s.kind === "checks")).toBe(true);
    expect(ad.some((s) => s.kind === "checks")).toBe(false);
    expect(addableContent("en", course.id, { trackId: null, group: false }).some((s) => s.kind === "discussions")).toBe(false);
    expect(addableContent("en", "no-such-course", { trackId: null, group: false })).toEqual([]);
  });
});
