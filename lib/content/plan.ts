// A track as a plan a group follows: the steps a facilitator or teacher takes, what a class is
// assigned when it is created with the plan, and the rule that every printed thing a plan asks
// for has a page that prints it. Pure: the group page, the loader and the tests share it.
import type { ContentProblem } from "./files";
import type { Track } from "./extras";
import type { PlanPage, PrepareItem } from "./schema";

export type CheckSlot = "pre" | "post";

/** The id progress stores a check slot under ("assessment-pre", "assessment-post"). */
export const checkActivityId = (slot: CheckSlot) => `assessment-${slot}`;

/**
 * One step of a plan, in the order it is done. Steps carry ids (lessons, materials, the plan's
 * own parts), never addresses: the group page turns them into links.
 */
export type PlanStep =
  /** Already done when the group page shows the plan: the group exists. */
  | { kind: "create" }
  /** The join sheet (code and QR code) and anything else the plan says to print first. */
  | { kind: "prepare"; items: PrepareItem[] }
  /** A workshop part, with its place in the running order. */
  | { kind: "part"; id: string; title: string; start: number; minutes: number; check?: CheckSlot; module?: string; lessons: string[]; scenario?: string; handouts: string[] }
  /** A school lesson: its own page, its print pack, its checks and the course lessons it draws on. */
  | { kind: "school-lesson"; id: string; number: number; title: string; minutes: number; ages: string; checks: CheckSlot[]; lessons: string[]; handouts: string[] }
  /** A step of the self-paced route. */
  | { kind: "check"; slot: CheckSlot; note?: string }
  | { kind: "module"; id: string; note?: string }
  | { kind: "booster"; id: string; note?: string };

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** The steps of a track as a group's plan: the group, what to print, then the track's own order. */
export function planSteps(track: Track): PlanStep[] {
  const head: PlanStep[] = [{ kind: "create" }];
  if (track.kind === "workshop") {
    let at = 0;
    const parts = track.parts.map((p): PlanStep => {
      const start = at;
      at += p.minutes;
      return { kind: "part", id: p.id, title: p.title, start, minutes: p.minutes, check: p.assessment, module: p.module, lessons: p.lessons, scenario: p.scenario, handouts: p.handouts };
    });
    return [...head, { kind: "prepare", items: track.materials.filter((m) => m.print.length > 0 || m.page) }, ...parts];
  }
  if (track.kind === "school") {
    const lessons = track.lessons.map(
      (l, i): PlanStep => ({
        kind: "school-lesson",
        id: l.id,
        number: i + 1,
        title: l.title,
        minutes: l.minutes,
        ages: l.ages,
        checks: l.activities.flatMap((a) => (a.assessment ? [a.assessment] : [])),
        lessons: l.uses,
        handouts: unique([...l.prepare.flatMap((p) => p.print), ...l.activities.flatMap((a) => a.handouts)]),
      }),
    );
    return [...head, { kind: "prepare", items: [] }, ...lessons];
  }
  const steps = track.steps.map((s): PlanStep => (s.type === "assessment" ? { kind: "check", slot: s.id as CheckSlot, note: s.note } : { kind: s.type, id: s.id, note: s.note }));
  return [...head, { kind: "prepare", items: [] }, ...steps];
}

/** An assignment a plan gives a new class: the activity progress is stored under, and the plan lesson it belongs to. */
export interface PlanAssignment {
  activityId: string;
  partId: string;
}

/**
 * What a class created with a school plan is assigned: each school lesson's starting check, the
 * course lessons it draws on (their quizzes are the students' practice), then its final check.
 * A course lesson two school lessons draw on belongs to the first; a group holds an activity once.
 * Workshops run live and self-paced learners choose their own order: they start with none.
 */
export function planAssignments(track: Track): PlanAssignment[] {
  if (track.kind !== "school") return [];
  const seen = new Set<string>();
  return track.lessons.flatMap((l) => {
    const checks = (slot: CheckSlot) => (l.activities.some((a) => a.assessment === slot) ? [checkActivityId(slot)] : []);
    return [...checks("pre"), ...l.uses, ...checks("post")].flatMap((activityId) => {
      if (seen.has(activityId)) return [];
      seen.add(activityId);
      return [{ activityId, partId: l.id }];
    });
  });
}

/** The school lesson each of a plan's assignments belongs to, with its number, for grouping a class's list. */
export function planPartsOf(track: Track | undefined): Map<string, { id: string; number: number; title: string }> {
  const out = new Map<string, { id: string; number: number; title: string }>();
  if (track?.kind !== "school") return out;
  for (const a of planAssignments(track)) {
    const i = track.lessons.findIndex((l) => l.id === a.partId);
    out.set(a.activityId, { id: a.partId, number: i + 1, title: track.lessons[i].title });
  }
  return out;
}

/** Words that say a thing is printed: "print", "printed", "printable", "prints". */
const PRINTED = /\bprint(?:ed|able|s|ing)?\b/i;
/** A list line in notes that tells the reader to print something: it belongs in a prepare list. */
const PRINT_BULLET = /^\s*(?:[-*]|\d+\.)\s+(?:\*\*)?print\b/im;

/**
 * A plan's printed things have pages: each bring or prepare item that says it is printed names
 * the materials or the app page that print it, and the notes leave "Print ..." instructions to
 * those lists (where the page is checked) rather than hide them in prose with no link.
 * That each named material exists and lists the track is checked with the other handouts
 * (materials.ts checkMaterialRefs, fed by printRefs below).
 */
export function checkPlanPrints(track: Track, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const items = (list: readonly PrepareItem[], field: string) =>
    list.forEach((item, i) => {
      if (PRINTED.test(item.text) && item.print.length === 0 && !item.page) {
        problems.push({ file, field: `${field}[${i}]`, message: "says it is printed but names no page: add `print: [<material id>]` (a set in tracks/materials/) or `page: help`" });
      }
    });
  const notes = (markdown: string, field: string, list: string) => {
    if (PRINT_BULLET.test(markdown)) problems.push({ file, field, message: `a "Print ..." line: move it to ${list}, with the page that prints it` });
  };
  if (track.kind === "workshop") {
    items(track.materials, "materials");
    track.parts.forEach((p, i) => notes(p.facilitatorNotes, `parts[${i}].facilitatorNotes`, "the plan's `materials`"));
  } else if (track.kind === "school") {
    track.lessons.forEach((l, i) => {
      items(l.prepare, `lessons[${i}].prepare`);
      notes(l.teacherNotes, `lessons[${i}].teacherNotes`, "the lesson's `prepare`");
    });
  }
  return problems;
}

/** The materials a plan's bring and prepare lists name, with the field that names each, for the reference check. */
export function printRefs(track: Track): { field: string; id: string }[] {
  if (track.kind === "workshop") return track.materials.flatMap((m, i) => m.print.map((id, j) => ({ field: `materials[${i}].print[${j}]`, id })));
  if (track.kind === "school") return track.lessons.flatMap((l, i) => l.prepare.flatMap((p, j) => p.print.map((id, k) => ({ field: `lessons[${i}].prepare[${j}].print[${k}]`, id }))));
  return [];
}

/** Where a plan page sends someone, below the locale. */
export const PLAN_PAGE_PATHS: Record<PlanPage, string> = { help: "/help" };
