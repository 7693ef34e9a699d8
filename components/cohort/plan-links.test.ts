// Every link of every step of every plan, as a group's page shows it, leads to something that
// exists: a lesson of the course, a printable set listed for the plan, a check the course has, a
// school lesson, a part's notes, an app page, and a route the app serves.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent, quizKey } from "@/lib/content/load";
import { planSteps } from "@/lib/content/plan";
import { planStepLinks, type PlanLink } from "./plan-links";

const root = process.cwd();
const en = (() => {
  const { content, problems } = loadContent(path.join(root, "content"));
  expect(problems).toEqual([]);
  return content.find((c) => c.locale === "en")!;
})();
const cohortId = "00000000-0000-4000-8000-000000000000";

/** The page file that serves each kind of link (the app's routes, as files). */
const ROUTE_FILES: Record<PlanLink["kind"], string> = {
  "join-sheet": "app/[locale]/(facilitate)/facilitate/[cohort]/join-sheet/page.tsx",
  print: "app/[locale]/tracks/[track]/materials/[set]/page.tsx",
  page: "app/[locale]/help/page.tsx",
  check: "app/[locale]/(learn)/courses/[course]/assessment/[form]/page.tsx",
  lesson: "app/[locale]/(learn)/courses/[course]/[lesson]/page.tsx",
  scenario: "app/[locale]/(learn)/courses/[course]/[lesson]/page.tsx",
  notes: "app/[locale]/tracks/[track]/page.tsx",
  "teacher-plan": "app/[locale]/tracks/[track]/[part]/page.tsx",
  "student-pack": "app/[locale]/tracks/[track]/[part]/print/page.tsx",
  module: "app/[locale]/(learn)/courses/[course]/page.tsx",
  booster: "app/[locale]/(learn)/courses/[course]/booster/[booster]/page.tsx",
};

describe.each(en.tracks.map((t) => [t.id, t] as const))("the %s plan's steps on a group's page", (_id, track) => {
  const course = en.courses.find((c) => c.id === track.course)!;
  const lessons = new Set(course.modules.flatMap((m) => m.lessons.map((l) => l.id)));
  const scenarioLesson = (id: string) => en.lessons.find((l) => l.courseId === course.id && l.scenarioId === id)?.id;
  const links = planSteps(track).flatMap((step) => planStepLinks(step, { locale: "en", cohortId, trackId: track.id, courseId: course.id, scenarioLesson }));
  const base = `/en/courses/${course.id}`;

  it("link the group's join sheet first", () => {
    expect(links[0]).toEqual({ kind: "join-sheet", href: `/en/facilitate/${cohortId}/join-sheet` });
  });

  it("each lead to something that exists, served by a page of the app", () => {
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) {
      expect(fs.existsSync(path.join(root, ROUTE_FILES[link.kind])), `${link.kind}: ${ROUTE_FILES[link.kind]}`).toBe(true);
      switch (link.kind) {
        case "print": {
          const m = en.materials.find((x) => x.id === link.id);
          expect(m?.tracks, `material ${link.id}`).toContain(track.id);
          expect(link.href).toBe(`/en/tracks/${track.id}/materials/${link.id}`);
          break;
        }
        case "page":
          expect(link.href).toBe(`/en/${link.page}`);
          break;
        case "check":
          expect(en.forms.get(course.id)?.a && en.forms.get(course.id)?.b, "the course has both check forms").toBeTruthy();
          expect(link.href).toBe(`${base}/assessment/${link.slot}`);
          break;
        case "lesson":
          expect(lessons.has(link.id), `lesson ${link.id}`).toBe(true);
          expect(link.href).toBe(`${base}/${link.id}`);
          break;
        case "scenario":
          expect(en.scenarios.has(quizKey(course.id, link.id)), `scenario ${link.id}`).toBe(true);
          expect(link.href).toBe(`${base}/${scenarioLesson(link.id)}`);
          break;
        case "notes":
          expect(track.kind === "workshop" && track.parts.some((p) => link.href === `/en/tracks/${track.id}#part-${p.id}`), link.href).toBe(true);
          break;
        case "teacher-plan":
        case "student-pack":
          expect(track.kind === "school" && track.lessons.some((l) => l.id === link.id), link.id).toBe(true);
          expect(link.href).toBe(`/en/tracks/${track.id}/${link.id}${link.kind === "student-pack" ? "/print" : ""}`);
          break;
        case "module":
          expect(course.modules.some((m) => m.id === link.id), link.id).toBe(true);
          break;
        case "booster":
          expect(en.boosters.has(quizKey(course.id, link.id)), link.id).toBe(true);
          break;
        case "join-sheet":
          break;
      }
    }
  });

  if (track.kind === "workshop") {
    it("give each module its lessons, the scenario it plays and its facilitator notes, and the checks their pages", () => {
      const scenarios = track.parts.flatMap((p) => (p.scenario ? [p.scenario] : []));
      expect(links.filter((l) => l.kind === "scenario").map((l) => (l as { id: string }).id)).toEqual(scenarios);
      expect(links.filter((l) => l.kind === "notes")).toHaveLength(track.parts.length);
      expect(links.filter((l) => l.kind === "check").map((l) => (l as { slot: string }).slot)).toEqual(["pre", "post"]);
      expect(links.filter((l) => l.kind === "print").map((l) => (l as { id: string }).id)).toEqual(expect.arrayContaining(["workshop-quizzes", "feedback-form"]));
    });
  }

  if (track.kind === "school") {
    it("give each school lesson its teacher's plan and student pack", () => {
      for (const l of track.lessons) {
        expect(links).toContainEqual({ kind: "teacher-plan", id: l.id, href: `/en/tracks/${track.id}/${l.id}` });
        expect(links).toContainEqual({ kind: "student-pack", id: l.id, href: `/en/tracks/${track.id}/${l.id}/print` });
      }
    });
  }
});
