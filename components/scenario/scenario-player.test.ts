// The scenario player on a page whose language the scenario is not translated into yet: the
// scenario's own words carry lang and dir, the player's own words (label, buttons, headings) do
// not, so a screen reader reads each in its language. Rendered on the server as plain HTML.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Scenario } from "@/lib/scenario/graph";
import { ScenarioPlayer, type ScenarioLabels } from "./scenario-player";

const labels: ScenarioLabels = {
  fictional: "قصة خيالية",
  title: "سيناريو",
  choose: "ماذا تفعل؟",
  outcome_helpful: "مفيد",
  outcome_mixed: "مختلط",
  outcome_harmful: "ضار",
  debrief: "خلاصة",
  restart: "ابدأ من جديد",
  back: "رجوع",
  path: "مسارك",
};

const scenario: Scenario = {
  id: "s",
  title: "A worrying post",
  summary: "A friend shares something troubling.",
  skill: "respond",
  start: "a",
  steps: {
    a: { text: "Your friend posts a joke about an attack.", choices: [{ id: "talk", text: "Talk to them calmly", next: "end" }] },
    end: { text: "They listen.", ending: { outcome: "helpful", debrief: "A calm talk helps." } },
  },
} as Scenario;

const render = (text?: { lang?: string; dir?: "ltr" | "rtl" }) => renderToString(createElement(ScenarioPlayer, { scenario, labels, text }));

describe("ScenarioPlayer", () => {
  it("marks the scenario's own text as English on a page in another language, and nothing else", () => {
    const html = render({ lang: "en", dir: "ltr" });
    for (const own of ["A worrying post", "A friend shares something troubling.", "Your friend posts a joke about an attack.", "Talk to them calmly"]) {
      expect(html).toMatch(new RegExp(`<[a-z]+[^>]*lang="en" dir="ltr"[^>]*>${own}<`));
    }
    // The player's words stay in the page's language: no lang around them.
    expect(html).toMatch(/<p class="scenario-label">قصة خيالية<\/p>/);
    expect(html).not.toMatch(/<section[^>]*lang=/);
    expect(html).toMatch(/<button[^>]*><span lang="en" dir="ltr">Talk to them calmly<\/span><\/button>/);
  });

  it("adds no lang or dir when the scenario is in the page's language", () => {
    const html = render();
    expect(html).not.toContain("lang=");
    expect(html).not.toContain("dir=");
  });
});
