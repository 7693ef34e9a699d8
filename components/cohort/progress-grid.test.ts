// The heat map as a facilitator reads it, with the real English words: a low score is the
// strongest fill, striped and marked "!" and said in words, never colour alone; "done, no score"
// is its own kind of cell; each learner's count of low scores; headers name the lessons.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import messages from "@/content/en/messages.json";
import type { RosterView } from "@/lib/cohorts/reports";
import type { GridLabels } from "./labels";
import { heatLevel, ProgressGrid, shortTitle } from "./progress-grid";

const labels = messages.facilitate.grid as GridLabels;
const roster: RosterView = {
  cohort: { id: "c1", name: "Hall", kind: "workshop", joinCode: "ABCDEFGH", archived: false, locale: "en", courseId: "x", canManage: true },
  modules: [{ number: 1, title: "One" }, { number: 5, title: "Five" }],
  lessons: [
    { id: "a", title: "Directed, enabled or inspired?", module: 1, number: "1.1", completed: 2 },
    { id: "b", title: "A way back: off-ramps for the person and their family", module: 5, number: "5.4", completed: 1 },
  ],
  learners: [
    { id: "p1", name: "Ada", nicknameOnly: false, done: 2, cells: { a: { done: true, bestPercent: 30 }, b: { done: true, bestPercent: null } } },
    { id: "p2", name: "Bo", nicknameOnly: true, done: 1, cells: { a: { done: true, bestPercent: 90 } } },
  ],
};
const html = renderToStaticMarkup(createElement(ProgressGrid, { roster, labels }));
const text = (s: string) => s.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
/** The row of the learner with this name. */
const row = (name: string) => html.match(new RegExp(`<tr><th scope="row" class="learner-col"><bdi>${name}</bdi>.*?</tr>`))![0];

describe("the progress heat map", () => {
  it("marks a low score with its own fill, a '!' and words, apart from a done lesson without a score", () => {
    const ada = row("Ada");
    expect(ada).toContain('class="heat heat-low');
    expect(text(ada)).toContain("! ✓ 30%");
    expect(text(ada)).toContain("Done, best score 30%, below 50%");
    expect(ada).toContain('class="heat heat-done');
    expect(text(ada)).toContain("Done, no quiz score");
    const bo = row("Bo");
    expect(bo).toContain('class="heat heat-high');
    expect(text(bo)).toContain("Done, best score 90%");
    expect(text(bo)).not.toContain("below 50%");
    expect(text(bo)).toContain("Not started");
  });

  it("counts each learner's scores below 50%, so who may need help stands out in their row", () => {
    expect(text(html)).toContain("Scores below 50%");
    expect(text(row("Ada"))).toMatch(/Ada 2 ! 1 /);
    expect(text(row("Bo"))).toMatch(/Bo 1 0 /);
  });

  it("names each lesson in its header: number and short title shown, the full title spoken", () => {
    expect(text(html)).toContain("1.1 Directed, enabled or inspired?");
    expect(text(html)).toContain("5.4 A way back");
    expect(html).toContain('title="A way back: off-ramps for the person and their family"');
    expect(text(html)).toContain("Lesson 5.4: A way back: off-ramps for the person and their family");
    expect(shortTitle("A way back: off-ramps")).toBe("A way back");
  });

  it("says in its legend how a low score is marked", () => {
    expect(text(html)).toContain("The lower the score, the stronger the colour. A score below 50% is also striped and marked !");
    expect(text(html)).toContain("! ✓ 30% Best score below 50%: worth going over the lesson with them");
  });

  it("levels: none, done, and the score bands", () => {
    expect([undefined, { done: true, bestPercent: null }, { done: false, bestPercent: 49 }, { done: true, bestPercent: 50 }, { done: true, bestPercent: 80 }].map(heatLevel)).toEqual([
      "none", "done", "low", "mid", "high",
    ]);
  });
});
