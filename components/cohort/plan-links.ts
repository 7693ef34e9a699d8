// The links of each step of a group's plan (lib/content/plan.ts planSteps): the page each step
// needs, from the group's own join sheet to a lesson, a check, a print page or the facilitator's
// notes. Pure, so a unit test can walk every step of every plan and prove each link resolves.
import type { PlanStep } from "@/lib/content/plan";
import type { PlanPage } from "@/lib/content/schema";
import { materialPath, planPagePath, schoolLessonPath, studentPackPath, trackPath } from "@/components/track/paths";

export type PlanLink =
  | { kind: "join-sheet"; href: string }
  | { kind: "print"; id: string; href: string }
  | { kind: "page"; page: PlanPage; href: string }
  | { kind: "check"; slot: "pre" | "post"; href: string }
  | { kind: "lesson"; id: string; href: string }
  | { kind: "scenario"; id: string; href: string }
  | { kind: "notes"; href: string }
  | { kind: "teacher-plan"; id: string; href: string }
  | { kind: "student-pack"; id: string; href: string }
  | { kind: "module"; id: string; href: string }
  | { kind: "booster"; id: string; href: string };

export interface PlanContext {
  locale: string;
  cohortId: string;
  trackId: string;
  courseId: string;
  /** The course lesson that plays a scenario, if any (scenarios are played from their lesson's page). */
  scenarioLesson: (scenarioId: string) => string | undefined;
}

export function planStepLinks(step: PlanStep, ctx: PlanContext): PlanLink[] {
  const { locale, trackId } = ctx;
  const course = `/${locale}/courses/${ctx.courseId}`;
  const check = (slot: "pre" | "post"): PlanLink => ({ kind: "check", slot, href: `${course}/assessment/${slot}` });
  const print = (id: string): PlanLink => ({ kind: "print", id, href: materialPath(locale, trackId, id) });
  switch (step.kind) {
    case "create":
      return [];
    case "prepare":
      return [
        { kind: "join-sheet", href: `/${locale}/facilitate/${ctx.cohortId}/join-sheet` },
        ...step.items.flatMap((item): PlanLink[] => [...item.print.map(print), ...(item.page ? [{ kind: "page" as const, page: item.page, href: planPagePath(locale, item.page) }] : [])]),
      ];
    case "part": {
      const scenarioLesson = step.scenario ? ctx.scenarioLesson(step.scenario) : undefined;
      return [
        ...(step.check ? [check(step.check)] : []),
        ...step.lessons.map((id): PlanLink => ({ kind: "lesson", id, href: `${course}/${id}` })),
        ...(step.scenario && scenarioLesson ? [{ kind: "scenario" as const, id: step.scenario, href: `${course}/${scenarioLesson}` }] : []),
        ...step.handouts.map(print),
        { kind: "notes", href: `${trackPath(locale, trackId)}#part-${step.id}` },
      ];
    }
    case "school-lesson":
      return [
        { kind: "teacher-plan", id: step.id, href: schoolLessonPath(locale, trackId, step.id) },
        { kind: "student-pack", id: step.id, href: studentPackPath(locale, trackId, step.id) },
        ...step.checks.map(check),
        ...step.handouts.map(print),
      ];
    case "check":
      return [check(step.slot)];
    case "module":
      return [{ kind: "module", id: step.id, href: `${course}#${step.id}` }];
    case "booster":
      return [{ kind: "booster", id: step.id, href: `${course}/booster/${step.id}` }];
  }
}
