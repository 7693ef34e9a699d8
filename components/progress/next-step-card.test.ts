// The card renders one button per step, to the page that step needs; "up to date" has none where
// the page is the course itself.
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import messages from "@/content/en/messages.json";
import type { NextStep } from "@/lib/progress/next-step";
import { NextStepCard, NEXT_STEP_KEYS, type NextStepLabels } from "./next-step-card";

const m = messages as unknown as Record<string, Record<string, string>>;
const labels = {
  ...Object.fromEntries(NEXT_STEP_KEYS.map((k) => [k, m.nextStep[k]])),
  skill_recognising: m.dashboard.skill_recognising,
  skill_responding: m.dashboard.skill_responding,
  skill_resilience: m.dashboard.skill_resilience,
} as NextStepLabels;

const render = (step: NextStep, caughtUpHref?: string) => renderToStaticMarkup(createElement(NextStepCard, { step, locale: "en", courseId: "c", labels, caughtUpHref }));
const links = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((x) => ({ href: x[1], text: x[2].replace(/&#x27;/g, "'") }));

describe("NextStepCard", () => {
  it("every message it needs exists", () => {
    for (const k of NEXT_STEP_KEYS) expect(m.nextStep[k], k).toBeTruthy();
  });

  it.each<[NextStep, { href: string; text: string }]>([
    [{ kind: "pre-check" }, { href: "/en/courses/c/assessment/pre", text: "Take the starting check" }],
    [{ kind: "lesson", id: "l2", title: "Two", done: 1, total: 17, started: true }, { href: "/en/courses/c/l2", text: "Continue: Two" }],
    [{ kind: "lesson", id: "l1", title: "One", done: 0, total: 17, started: false }, { href: "/en/courses/c/l1", text: "Start: One" }],
    [{ kind: "post-check" }, { href: "/en/courses/c/assessment/post", text: "Take the final check" }],
    [{ kind: "practice", skill: "recognising", score: 0.633, lessonId: "x", title: "X" }, { href: "/en/courses/c/x/quiz", text: "Practise: X" }],
    [{ kind: "booster", id: "week-1", title: "W1", offeredFrom: "2026-03-01T10:00:00Z" }, { href: "/en/courses/c/booster/week-1", text: "Take the refresher: W1" }],
    [{ kind: "caught-up", nextBooster: null }, { href: "/en/courses/c", text: "Look back over the course" }],
  ])("%j: one button, to the right page", (step, link) => {
    expect(links(render(step, "/en/courses/c"))).toEqual([link]);
  });

  it("says why, with the skill's percent rounded down and the pass mark", () => {
    const html = render({ kind: "practice", skill: "recognising", score: 0.699, lessonId: "x", title: "X" });
    expect(html).toContain("Recognising concerning behaviour is your weakest skill: 69% correct, and a quiz passes at 70%.");
  });

  it("up to date on the course page itself: the date of the next refresher, no button", () => {
    const html = render({ kind: "caught-up", nextBooster: { id: "week-4", title: "W4", offeredFrom: "2026-04-01T10:00:00Z" } });
    expect(html).toContain("Your next refresher, W4, opens on 1 April 2026.");
    expect(links(html)).toEqual([]);
  });
});
