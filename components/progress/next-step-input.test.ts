import { describe, expect, it } from "vitest";
import { nextStep } from "@/lib/progress/next-step";
import type { SelfPacedCourse } from "@/lib/progress/self-paced";
import { selfPacedCourse } from "@/lib/progress/self-paced";
import { getCourses } from "@/lib/content";
import type { DashboardData } from "./dashboard-types";
import type { GuestProgress } from "./guest-progress";
import { fromDashboard, fromGuest, guestBoosters } from "./next-step-input";

const NOW = Date.parse("2026-03-10T12:00:00Z");
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

// A small course: two core lessons (one on recognising, one on responding), one optional lesson.
const route: SelfPacedCourse = {
  courseId: "c",
  hasChecks: true,
  boosters: [
    { id: "week-1", title: "Week 1", offerAfterDays: 7 },
    { id: "week-4", title: "Week 4", offerAfterDays: 28 },
  ],
  lessons: [
    { id: "spot", title: "Spot", core: true, quizId: "spot", counts: { recognising: 8, responding: 2, resilience: 0 } },
    { id: "act", title: "Act", core: true, quizId: "act", counts: { recognising: 0, responding: 7, resilience: 1 } },
    { id: "lead", title: "Lead", core: false, quizId: "lead", counts: { recognising: 0, responding: 9, resilience: 0 } },
  ],
};

const guest = (lessons: Record<string, { doneAt?: string; lastPercent?: number }>): GuestProgress => ({
  version: 1,
  lessons: Object.fromEntries(Object.entries(lessons).map(([id, v]) => [`en/c/${id}`, { attempts: v.lastPercent === undefined ? 0 : 1, ...v }])),
});

const score = (at: string, percent: number) => ({ latestPercent: percent, bestPercent: percent, at });

/** The same facts as an account's dashboard data. */
function dashboard(o: { done: string[]; pre?: string; post?: string; boostersDone?: string[]; mastery?: DashboardData["mastery"]; practice?: DashboardData["courses"][number]["practice"] }) {
  const lesson = (id: string, title: string) => ({ id, title, completedAt: o.done.includes(id) ? "2026-03-01T00:00:00.000Z" : null, bestPercent: null, latestPercent: null, attempts: 0 });
  const course: DashboardData["courses"][number] = {
    id: "c",
    title: "C",
    modules: [
      { id: "m1", number: 1, title: "M1", core: true, done: 0, total: 2, lessons: [lesson("spot", "Spot"), lesson("act", "Act")] },
      { id: "m2", number: 2, title: "M2", core: false, done: 0, total: 1, lessons: [lesson("lead", "Lead")] },
    ],
    assessments: { pre: o.pre ? score(o.pre, 50) : null, post: o.post ? score(o.post, 80) : null, gain: null },
    boosters: route.boosters.map((b) => ({
      id: b.id, title: b.title, summary: "", offerAfterDays: b.offerAfterDays,
      offeredFrom: o.post ? iso(Date.parse(o.post) + b.offerAfterDays * DAY) : null,
      score: o.boostersDone?.includes(b.id) ? score(o.post!, 90) : null,
    })),
    practice: o.practice ?? [],
  };
  const mastery = o.mastery ?? (["recognising", "responding", "resilience"] as const).map((skill) => ({ skill, score: 0, questions: 0, level: "not-started" as const }));
  return { course, mastery };
}

describe("fromGuest and fromDashboard give the same next step for the same facts", () => {
  type Case = { name: string; guest: Record<string, { doneAt?: string; lastPercent?: number }>; account: Parameters<typeof dashboard>[0]; kind: string };
  it.each<Case>([
    { name: "a new learner: the starting check", guest: {}, account: { done: [] }, kind: "pre-check" },
    { name: "after the starting check: the first lesson", guest: { "assessment-pre": { doneAt: iso(NOW - DAY) } }, account: { done: [], pre: iso(NOW - DAY) }, kind: "lesson" },
    { name: "core lessons done: the final check, not the optional lesson", guest: { spot: { doneAt: iso(NOW) }, act: { doneAt: iso(NOW) } }, account: { done: ["spot", "act"] }, kind: "post-check" },
    {
      name: "ten days after the final check: the week-1 refresher",
      guest: { spot: { doneAt: iso(NOW) }, act: { doneAt: iso(NOW) }, "assessment-post": { doneAt: iso(NOW - 10 * DAY) } },
      account: { done: ["spot", "act"], post: iso(NOW - 10 * DAY) },
      kind: "booster",
    },
  ])("$name", ({ guest: g, account, kind }) => {
    const fromBrowser = nextStep(fromGuest(guest(g), route, "en", NOW));
    const d = dashboard(account);
    const fromAccount = nextStep(fromDashboard(d.course, d.mastery, NOW));
    expect(fromBrowser.kind).toBe(kind);
    expect(fromAccount).toEqual(fromBrowser);
  });

  it("before hydration (no progress read yet), the first step of the route", () => {
    expect(nextStep(fromGuest(null, route, "en", NOW))).toEqual({ kind: "pre-check" });
  });
});

describe("fromGuest", () => {
  it("dates a guest's refreshers from the final check this browser recorded", () => {
    const post = "2026-03-01T09:30:00.000Z";
    const list = guestBoosters(guest({ "assessment-post": { doneAt: post }, "booster-week-1": { doneAt: "2026-03-09T10:00:00.000Z", lastPercent: 75 } }), route, "en");
    expect(list).toEqual([
      { id: "week-1", title: "Week 1", offerAfterDays: 7, offeredFrom: "2026-03-08T09:30:00.000Z", done: true, percent: 75 },
      { id: "week-4", title: "Week 4", offerAfterDays: 28, offeredFrom: "2026-03-29T09:30:00.000Z", done: false, percent: null },
    ]);
    expect(guestBoosters(guest({}), route, "en").every((b) => b.offeredFrom === null)).toBe(true);
  });

  it("estimates skills from quiz percents and practises the weakest on the quiz with most to win", () => {
    const g = guest({
      "assessment-pre": { doneAt: iso(NOW - 40 * DAY) },
      spot: { doneAt: iso(NOW - 30 * DAY), lastPercent: 40 },
      act: { doneAt: iso(NOW - 30 * DAY), lastPercent: 90 },
      "assessment-post": { doneAt: iso(NOW - 29 * DAY) },
      "booster-week-1": { doneAt: iso(NOW - 20 * DAY), lastPercent: 80 },
      "booster-week-4": { doneAt: iso(NOW - 1 * DAY), lastPercent: 80 },
    });
    const input = fromGuest(g, route, "en", NOW);
    // Recognising: only "spot" has it, at 40 %. Responding: 2 at 40 % and 7 at 90 %.
    expect(input.skills.find((s) => s.skill === "recognising")).toMatchObject({ score: 0.4, questions: 8, practice: { lessonId: "spot" } });
    expect(input.skills.find((s) => s.skill === "responding")!.score).toBeCloseTo((2 * 0.4 + 7 * 0.9) / 9);
    // The optional lesson's quiz is never where practice goes, though it has most on responding.
    expect(input.skills.find((s) => s.skill === "responding")!.practice?.lessonId).not.toBe("lead");
    expect(nextStep(input)).toEqual({ kind: "practice", skill: "recognising", score: 0.4, lessonId: "spot", title: "Spot" });
  });
});

describe("the real course's self-paced route", () => {
  const course = getCourses("en")[0];
  const real = selfPacedCourse("en", course.id)!;

  it("makes every module but the optional one core, and gives every lesson quiz its skills", () => {
    const optional = new Set(course.modules.find((m) => m.id === "leading-a-session")!.lessons.map((l) => l.id));
    expect(real.lessons.filter((l) => !l.core).map((l) => l.id).sort()).toEqual([...optional].sort());
    expect(real.lessons.filter((l) => l.quizId).every((l) => l.counts && Object.values(l.counts).reduce((a, b) => a + b, 0) > 0)).toBe(true);
    expect(real.hasChecks).toBe(true);
    expect(real.boosters.map((b) => b.offerAfterDays)).toEqual([7, 28]);
  });

  it("a guest who has done every core lesson is sent to the final check", () => {
    const done = Object.fromEntries(real.lessons.filter((l) => l.core).map((l) => [`en/${course.id}/${l.id}`, { doneAt: iso(NOW), attempts: 0 }]));
    expect(nextStep(fromGuest({ version: 1, lessons: done }, real, "en", NOW))).toEqual({ kind: "post-check" });
  });
});
