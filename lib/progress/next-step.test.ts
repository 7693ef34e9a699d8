import { describe, expect, it } from "vitest";
import { nextStep, type NextStepInput } from "./next-step";

const NOW = Date.parse("2026-03-10T12:00:00Z");
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const lessons = (done: number, core = 4, optional = 2) => [
  ...Array.from({ length: core }, (_, i) => ({ id: `l${i + 1}`, title: `Lesson ${i + 1}`, done: i < done, core: true })),
  ...Array.from({ length: optional }, (_, i) => ({ id: `o${i + 1}`, title: `Optional ${i + 1}`, done: false, core: false })),
];

const skills = (scores: Partial<Record<"recognising" | "responding" | "resilience", number>>): NextStepInput["skills"] =>
  (["recognising", "responding", "resilience"] as const).map((skill) => ({
    skill,
    score: scores[skill] ?? 0,
    questions: scores[skill] === undefined ? 0 : 10,
    practice: { lessonId: `practise-${skill}`, title: `Quiz for ${skill}` },
  }));

/** A learner who has done everything: every lesson, both checks, no refresher due, every skill secure. */
const finished = (over: Partial<NextStepInput> = {}): NextStepInput => ({
  now: NOW,
  lessons: lessons(4),
  checks: { pre: true, post: true },
  boosters: [
    { id: "week-1", title: "Week 1", offeredFrom: iso(NOW + 2 * DAY), done: false },
    { id: "week-4", title: "Week 4", offeredFrom: iso(NOW + 23 * DAY), done: false },
  ],
  skills: skills({ recognising: 0.9, responding: 0.8, resilience: 0.75 }),
  passMark: 0.7,
  ...over,
});

describe("nextStep: each step", () => {
  it("a new learner starts with the starting check", () => {
    expect(nextStep(finished({ lessons: lessons(0), checks: { pre: false, post: false }, boosters: finished().boosters.map((b) => ({ ...b, offeredFrom: null })), skills: skills({}) }))).toEqual({
      kind: "pre-check",
    });
  });

  it("without checks, a new learner starts with the first lesson", () => {
    expect(nextStep(finished({ lessons: lessons(0), checks: null, skills: skills({}) }))).toEqual({ kind: "lesson", id: "l1", title: "Lesson 1", done: 0, total: 4, started: false });
  });

  it("after the starting check, the first lesson", () => {
    expect(nextStep(finished({ lessons: lessons(0), checks: { pre: true, post: false } }))).toMatchObject({ kind: "lesson", id: "l1", started: false });
  });

  it("the first core lesson not done, even when a later one is", () => {
    const route = lessons(4).map((l) => (l.id === "l2" ? { ...l, done: false } : l));
    expect(nextStep(finished({ lessons: route, checks: { pre: true, post: false } }))).toEqual({ kind: "lesson", id: "l2", title: "Lesson 2", done: 3, total: 4, started: true });
  });

  it("optional lessons never hold back the final check", () => {
    expect(nextStep(finished({ checks: { pre: true, post: false } }))).toEqual({ kind: "post-check" });
  });

  it("a due refresher, with the day it opened", () => {
    const boosters = [{ id: "week-1", title: "Week 1", offeredFrom: iso(NOW - DAY), done: false }];
    expect(nextStep(finished({ boosters }))).toEqual({ kind: "booster", id: "week-1", title: "Week 1", offeredFrom: iso(NOW - DAY) });
  });

  it("a refresher opens at its exact time, not before", () => {
    const at = (offeredFrom: number) => nextStep(finished({ boosters: [{ id: "week-1", title: "Week 1", offeredFrom: iso(offeredFrom), done: false }] })).kind;
    expect(at(NOW)).toBe("booster");
    expect(at(NOW + 1)).toBe("caught-up");
  });

  it("the weakest skill below the pass mark, on its practice quiz", () => {
    expect(nextStep(finished({ skills: skills({ recognising: 0.63, responding: 0.5, resilience: 0.9 }) }))).toEqual({
      kind: "practice",
      skill: "responding",
      score: 0.5,
      lessonId: "practise-responding",
      title: "Quiz for responding",
    });
  });

  it("a skill at the pass mark needs no practice; a skill not started is not called weak", () => {
    // Responding and resilience have no answers yet (score 0 over 0 questions).
    expect(nextStep(finished({ skills: skills({ recognising: 0.7 }) })).kind).toBe("caught-up");
    expect(nextStep(finished({ skills: skills({ recognising: (0.4 + 1 + 0.7) / 3 }) })).kind).toBe("caught-up");
  });

  it("a weak skill with no quiz to practise on is passed over", () => {
    const s = skills({ recognising: 0.2, responding: 0.5, resilience: 0.9 }).map((x) => (x.skill === "recognising" ? { ...x, practice: null } : x));
    expect(nextStep(finished({ skills: s }))).toMatchObject({ kind: "practice", skill: "responding" });
  });

  it("up to date: says when the next refresher opens", () => {
    expect(nextStep(finished())).toEqual({ kind: "caught-up", nextBooster: { id: "week-1", title: "Week 1", offeredFrom: iso(NOW + 2 * DAY) } });
  });

  it("up to date with every refresher done: nothing more to wait for", () => {
    const boosters = finished().boosters.map((b) => ({ ...b, offeredFrom: iso(NOW - 30 * DAY), done: true }));
    expect(nextStep(finished({ boosters }))).toEqual({ kind: "caught-up", nextBooster: null });
  });
});

describe("nextStep: the order of priority", () => {
  const dueBooster = [{ id: "week-1", title: "Week 1", offeredFrom: iso(NOW - DAY), done: false }];
  const weak = skills({ recognising: 0.3, responding: 0.9, resilience: 0.9 });

  it("a due refresher comes before an unfinished lesson and a weak skill", () => {
    expect(nextStep(finished({ boosters: dueBooster, lessons: lessons(2), skills: weak })).kind).toBe("booster");
  });

  it("an unfinished lesson comes before the final check and a weak skill", () => {
    expect(nextStep(finished({ lessons: lessons(3), checks: { pre: true, post: false }, skills: weak })).kind).toBe("lesson");
  });

  it("the final check comes before a weak skill", () => {
    expect(nextStep(finished({ checks: { pre: true, post: false }, skills: weak })).kind).toBe("post-check");
  });

  it("a weak skill comes before 'up to date'", () => {
    expect(nextStep(finished({ skills: weak })).kind).toBe("practice");
  });

  it("the starting check is offered only while nothing is begun", () => {
    expect(nextStep(finished({ lessons: lessons(1), checks: { pre: false, post: false } }))).toMatchObject({ kind: "lesson", id: "l2", started: true });
    expect(nextStep(finished({ lessons: lessons(0), checks: { pre: false, post: true } })).kind).toBe("lesson");
  });

  it("of several due refreshers, the first in the route", () => {
    const boosters = [
      { id: "week-1", title: "Week 1", offeredFrom: iso(NOW - 20 * DAY), done: false },
      { id: "week-4", title: "Week 4", offeredFrom: iso(NOW - DAY), done: false },
    ];
    expect(nextStep(finished({ boosters }))).toMatchObject({ kind: "booster", id: "week-1" });
    expect(nextStep(finished({ boosters: [{ ...boosters[0], done: true }, boosters[1]] }))).toMatchObject({ kind: "booster", id: "week-4" });
  });
});
