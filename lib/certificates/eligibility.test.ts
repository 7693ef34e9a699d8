import { describe, expect, it } from "vitest";
import { getTracks } from "@/lib/content";
import { decide, trackHasPostCheck } from "./eligibility";

const tracks = getTracks("en");
const selfPaced = tracks.filter((t) => t.kind === "self-paced");
const lessons = ["a", "b", "c"];
const done = (...ids: string[]) => new Map(ids.map((id, i) => [id, `2026-11-0${i + 1}T10:00:00.000Z`]));

describe("certificate eligibility", () => {
  it("finds the final check in every kind of track that plans one", () => {
    expect(tracks.length).toBeGreaterThanOrEqual(3);
    for (const t of tracks) expect(trackHasPostCheck(t), t.id).toBe(true);
    const noCheck = { ...selfPaced[0], steps: selfPaced[0].kind === "self-paced" ? selfPaced[0].steps.filter((s) => s.type !== "assessment") : [] };
    expect(trackHasPostCheck(noCheck as (typeof tracks)[number])).toBe(false);
  });

  it.each([
    { what: "nothing done", completions: done(), postAt: null, hasChecks: true, eligible: false },
    { what: "lessons but not the check", completions: done("a", "b", "c"), postAt: null, hasChecks: true, eligible: false },
    { what: "the check but a lesson missing", completions: done("a", "b"), postAt: "2026-11-09T10:00:00.000Z", hasChecks: true, eligible: false },
    { what: "every lesson and the check", completions: done("a", "b", "c"), postAt: "2026-11-09T10:00:00.000Z", hasChecks: true, eligible: true, at: "2026-11-09T10:00:00.000Z" },
    { what: "every lesson, course without checks", completions: done("a", "b", "c"), postAt: null, hasChecks: false, eligible: true, at: "2026-11-03T10:00:00.000Z" },
    { what: "extra lessons do not count", completions: done("x", "a", "b"), postAt: "2026-11-09T10:00:00.000Z", hasChecks: true, eligible: false },
  ])("$what", ({ completions, postAt, hasChecks, eligible, at }) => {
    const r = decide({ requiredLessons: lessons, tracks: selfPaced, courseHasChecks: hasChecks, completions, postAt });
    expect(r.eligible).toBe(eligible);
    expect(r.postRequired).toBe(hasChecks);
    expect(r.completedAt).toBe(eligible ? at : null);
  });

  it("needs no check when the learner's track plans none, and never gives one for a course without lessons", () => {
    expect(decide({ requiredLessons: lessons, tracks: [], courseHasChecks: true, completions: done("a", "b", "c"), postAt: null }).eligible).toBe(true);
    expect(decide({ requiredLessons: [], tracks: selfPaced, courseHasChecks: false, completions: done(), postAt: null }).eligible).toBe(false);
  });
});
