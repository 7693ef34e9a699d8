// The titles a track's pages show for what the track points at in its course, looked up once
// per page (the plan overview, a school lesson's page).
import "server-only";
import { getBoosters, getForms, getMaterials, getScenario, type Course, type Track } from "@/lib/content";
import { shownCount } from "@/lib/quiz/experiments";
import type { TrackNames } from "./types";

/** Titles of the course's lessons, modules, scenarios, boosters and checks, and the track's materials, that a track links to. */
export function trackNames(locale: string, track: Track, course: Course, slotTitles: Record<"pre" | "post", string>): TrackNames {
  const form = getForms(locale, course.id).a;
  const scenarioIds = track.kind === "workshop" ? track.parts.flatMap((p) => (p.scenario ? [p.scenario] : [])) : [];
  return {
    lessons: Object.fromEntries(course.modules.flatMap((m) => m.lessons.map((l) => [l.id, l.title]))),
    modules: Object.fromEntries(course.modules.map((m) => [m.id, m.title])),
    scenarios: Object.fromEntries(scenarioIds.map((id) => [id, getScenario(locale, course.id, id)?.title ?? id])),
    // By file id, as tracks name them (getBoosters' ids are file ids; the quiz id is "booster-<id>").
    boosters: Object.fromEntries(getBoosters(locale, course.id).map((b) => [b.id, b.title])),
    // A slot is taken on form A or B (parallel: as many questions shown on either); it is named by the slot.
    assessments: form ? { pre: { title: slotTitles.pre, questions: shownCount(form) }, post: { title: slotTitles.post, questions: shownCount(form) } } : {},
    materials: Object.fromEntries(getMaterials(locale, track.id).map((m) => [m.id, m.title])),
  };
}
