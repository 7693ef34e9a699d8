// Names people typed are isolated wherever the roster shows them (issue #19, item 6): rendered to
// static markup, each name sits in its own <bdi>, so a right-to-left name or an override stored
// before names were checked cannot reorder the words beside it, and stored controls show as U+FFFD.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import messages from "@/content/en/messages.json";
import type { RosterView } from "@/lib/cohorts/reports";
import { LearnerList } from "@/components/cohort/learner-list";
import { ProgressGrid } from "@/components/cohort/progress-grid";
import type { GridLabels, LearnerLabels } from "@/components/cohort/labels";
import { MyGroups } from "@/components/progress/my-groups";
import { fill } from "./fill";
import { NAME_SLOT, UserText, withNames } from "./user-text";

const OVERRIDE = "Ann\u202Egnp.exe";
const ARABIC = "مريم";
const roster: RosterView = {
  cohort: { id: "c1", name: "Group", kind: "workshop", joinCode: "ABCDEFGH", archived: false, locale: "en", courseId: "x", canManage: true },
  modules: [{ number: 1, title: "One" }],
  lessons: [{ id: "l1", title: "Lesson one", module: 1, number: "1.1", completed: 0 }],
  learners: [
    { id: "a", name: OVERRIDE, nicknameOnly: true, done: 0, cells: {} },
    { id: "b", name: ARABIC, nicknameOnly: false, done: 1, cells: { l1: { done: true, bestPercent: 80 } } },
  ],
};

/** Every <bdi> in the markup, by its text. */
const isolated = (html: string) => [...html.matchAll(/<bdi>(.*?)<\/bdi>/g)].map((m) => m[1]);

describe("UserText and withNames", () => {
  it("wrap the name in <bdi> and show stored controls as U+FFFD", () => {
    expect(renderToStaticMarkup(createElement(UserText, null, OVERRIDE))).toBe("<bdi>Ann\uFFFDgnp.exe</bdi>");
    const html = renderToStaticMarkup(createElement("p", null, withNames(fill("Give {name} a new passphrase?", { name: NAME_SLOT }), ARABIC)));
    expect(html).toBe(`<p>Give <bdi>${ARABIC}</bdi> a new passphrase?</p>`);
  });

  it("fill several names in order, and a message without a slot is unchanged", () => {
    const html = renderToStaticMarkup(createElement("p", null, withNames(`${NAME_SLOT} and ${NAME_SLOT}`, "A", ARABIC)));
    expect(html).toBe(`<p><bdi>A</bdi> and <bdi>${ARABIC}</bdi></p>`);
    expect(renderToStaticMarkup(createElement("p", null, withNames("No names")))).toBe("<p>No names</p>");
  });
});

describe("the roster isolates every learner's name", () => {
  it("in the progress grid", () => {
    const html = renderToStaticMarkup(createElement(ProgressGrid, { roster, labels: messages.facilitate.grid as GridLabels }));
    expect(isolated(html)).toEqual(expect.arrayContaining(["Ann\uFFFDgnp.exe", ARABIC]));
    expect(html).not.toContain("\u202E");
  });

  it("in the learner list, its buttons' hidden labels included", () => {
    const labels = { ...messages.facilitate.learners, ...messages.facilitate.form } as LearnerLabels;
    // No provider: the list sends through hooks bound to the one client (components/api/queries.ts).
    const html = renderToStaticMarkup(createElement(LearnerList, { cohortId: "c1", learners: roster.learners, labels }));
    // The name shown, and "for <name>" on the reset (nickname only) and let-them-try buttons.
    expect(isolated(html).filter((t) => t === "Ann\uFFFDgnp.exe")).toHaveLength(3);
    expect(isolated(html).filter((t) => t === ARABIC)).toHaveLength(2);
    expect(html).not.toContain("\u202E");
  });

  it("in the learner's own groups", () => {
    const html = renderToStaticMarkup(createElement(MyGroups, { groups: [{ id: "g", name: `${ARABIC} 7`, due: [] }], locale: "en", labels: messages.dashboard as unknown as Record<string, string> }));
    expect(isolated(html)).toEqual([`${ARABIC} 7`]);
  });
});
