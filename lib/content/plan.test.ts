// A track as a group's plan: the steps in order, what a class on the school plan is assigned, and
// the content rule that every printed thing a plan asks for has a page that prints it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import YAML from "yaml";
import { loadContent } from "./load";
import { planAssignments, planPartsOf, planSteps, type PlanStep } from "./plan";
import type { Track } from "./extras";

const en = (() => {
  const { content, problems } = loadContent(path.join(process.cwd(), "content"));
  expect(problems).toEqual([]);
  return content.find((c) => c.locale === "en")!;
})();
const trackOf = <K extends Track["kind"]>(kind: K) => en.tracks.find((t) => t.kind === kind) as Extract<Track, { kind: K }>;
const school = trackOf("school");
const workshop = trackOf("workshop");

describe("a school class's assignments", () => {
  const planned = planAssignments(school);

  it("are each school lesson's checks and the course lessons it draws on, in the plan's order", () => {
    const expected = school.lessons.flatMap((l) => [
      ...(l.activities.some((a) => a.assessment === "pre") ? ["assessment-pre"] : []),
      ...l.uses,
      ...(l.activities.some((a) => a.assessment === "post") ? ["assessment-post"] : []),
    ]);
    // A course lesson two school lessons use is set once, with the first.
    expect(planned.map((p) => p.activityId)).toEqual([...new Set(expected)]);
    expect(planned[0]).toEqual({ activityId: "assessment-pre", partId: school.lessons[0].id });
    expect(planned.at(-1)).toEqual({ activityId: "assessment-post", partId: school.lessons.at(-1)!.id });
  });

  it("cover every school lesson and only lessons the course has", () => {
    const courseLessons = new Set(en.courses.find((c) => c.id === school.course)!.modules.flatMap((m) => m.lessons.map((l) => l.id)));
    expect(new Set(planned.map((p) => p.partId))).toEqual(new Set(school.lessons.map((l) => l.id)));
    for (const p of planned) expect(p.activityId.startsWith("assessment-") || courseLessons.has(p.activityId), p.activityId).toBe(true);
    // Not the course's list: the facilitators' own module is not set for a class.
    const leading = en.courses.find((c) => c.id === school.course)!.modules.at(-1)!.lessons.map((l) => l.id);
    expect(planned.filter((p) => leading.includes(p.activityId))).toEqual([]);
  });

  it("name their school lesson with its number, for the class's list", () => {
    const parts = planPartsOf(school);
    expect(parts.get("assessment-pre")).toEqual({ id: school.lessons[0].id, number: 1, title: school.lessons[0].title });
    expect(parts.get("assessment-post")?.number).toBe(school.lessons.length);
  });

  it("are none for a workshop or a self-paced plan", () => {
    expect(planAssignments(workshop)).toEqual([]);
    expect(planAssignments(trackOf("self-paced"))).toEqual([]);
    expect(planPartsOf(workshop).size).toBe(0);
  });
});

describe("a plan's steps", () => {
  it("start with the group (done) and what to print, then the workshop's parts with their running times", () => {
    const steps = planSteps(workshop);
    expect(steps[0]).toEqual({ kind: "create" });
    expect(steps[1].kind).toBe("prepare");
    const parts = steps.filter((s): s is Extract<PlanStep, { kind: "part" }> => s.kind === "part");
    expect(parts.map((p) => p.id)).toEqual(workshop.parts.map((p) => p.id));
    expect(parts.map((p) => p.start)).toEqual(workshop.parts.map((_, i) => workshop.parts.slice(0, i).reduce((n, p) => n + p.minutes, 0)));
    expect(parts.at(-1)!.start + parts.at(-1)!.minutes).toBe(workshop.minutes);
    // The starting check, each module with its timing and the final check are steps of their own.
    expect(parts.filter((p) => p.check).map((p) => p.check)).toEqual(["pre", "post"]);
    expect(parts.filter((p) => p.module).length).toBeGreaterThanOrEqual(5);
  });

  it("print what the workshop's bring list prints: the phone quizzes, the feedback form, the reporting cards", () => {
    const prepare = planSteps(workshop)[1] as Extract<PlanStep, { kind: "prepare" }>;
    expect(prepare.items.flatMap((i) => i.print)).toEqual(expect.arrayContaining(["workshop-quizzes", "feedback-form"]));
    expect(prepare.items.some((i) => i.page === "help")).toBe(true);
  });

  it("are the six school lessons for the school plan, each with its checks and worksheets", () => {
    const lessons = planSteps(school).filter((s): s is Extract<PlanStep, { kind: "school-lesson" }> => s.kind === "school-lesson");
    expect(lessons.map((l) => l.number)).toEqual(school.lessons.map((_, i) => i + 1));
    expect(lessons[0].checks).toEqual(["pre"]);
    expect(lessons.at(-1)!.checks).toEqual(["post"]);
    for (const [i, l] of lessons.entries()) {
      for (const a of school.lessons[i].activities) for (const h of a.handouts) expect(l.handouts).toContain(h);
    }
  });

  it("follow the self-paced route step by step", () => {
    const route = trackOf("self-paced");
    const steps = planSteps(route).slice(2);
    expect(steps.map((s) => s.kind)).toEqual(route.steps.map((s) => (s.type === "assessment" ? "check" : s.type)));
  });
});

// The rule, on small content trees written for each case (as lib/content/tracks.test.ts does).
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const C = "en/courses/test";
const lessonMd = `---\ntitle: L\nsummary: S.\nminutes: 6\nobjectives: [Explain]\nquiz: one\nsources:\n  - { title: T, publisher: P, date: 2025 }\n---\n## H\n\nBody text.\n`;
const q = (id: string) => ({ id, type: "single", skill: "recognising", prompt: `Prompt ${id}?`, explanation: "Because.", options: [{ id: "a", text: "A", feedback: "Yes." }, { id: "b", text: "B", feedback: "No." }], answer: "a" });
const form = { title: "Card", summary: "S.", tracks: ["workshop"], instructions: "Hand it out.", kind: "form", intro: "Anonymous.", questions: [{ id: "a", type: "open", text: "What?" }, { id: "b", type: "open", text: "Why?" }] };

function load(materials: unknown[], notes = "N.") {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-plan-"));
  dirs.push(root);
  const files: Record<string, string> = {
    [`${C}/course.yml`]: YAML.stringify({ title: "C", summary: "S.", audience: "A.", modules: [{ id: "m", title: "M", summary: "S.", lessons: ["one"] }] }),
    [`${C}/lessons/01-one.md`]: lessonMd,
    [`${C}/quizzes/one.yml`]: YAML.stringify({ title: "Q", questions: [1, 2, 3, 4, 5].map((n) => q(`q${n}`)) }),
    "en/tracks/materials/card.yml": YAML.stringify(form),
    "en/tracks/workshop.yml": YAML.stringify({
      kind: "workshop", title: "W", summary: "S.", audience: "A.", course: "test", minutes: 30, disclosure: "D.", materials,
      parts: [0, 1, 2].map((i) => ({ id: `p${i}`, title: `Part ${i}`, minutes: 10, goals: ["G"], facilitatorNotes: i === 1 ? notes : "N." })),
    }),
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return loadContent(root).problems.filter((p) => p.file.startsWith("en/tracks/"));
}

describe("every printed thing a plan asks for has a page", () => {
  it("accepts plain items, and printed ones that name a set or the help page", () => {
    expect(load(["A projector", { text: "Printed feedback cards", print: ["card"] }, { text: "Printed reporting cards", page: "help" }])).toEqual([]);
  });

  it("refuses a printed item with no page", () => {
    expect(load(["A projector", "Printed copies of the quizzes"])).toEqual([
      expect.objectContaining({ file: "en/tracks/workshop.yml", field: "materials[1]", message: expect.stringMatching(/names no page/) }),
    ]);
  });

  it("refuses a page that does not exist: a set the materials folder lacks, or an unknown app page", () => {
    expect(load([{ text: "Printed quizzes", print: ["quizzes"] }])).toEqual([
      expect.objectContaining({ field: "materials[0].print[0]", message: expect.stringMatching(/no printable material "quizzes"/) }),
    ]);
    // (The whole plan is refused, so the material that lists it reports its track missing too.)
    expect(load([{ text: "Printed cards", page: "resources" }]).filter((p) => p.file === "en/tracks/workshop.yml")).toEqual([
      expect.objectContaining({ field: "materials[0].page", message: "name an app page: help" }),
    ]);
  });

  it("refuses a \"Print ...\" line in the notes, where no page is checked", () => {
    expect(load([], "**Before:** set up.\n\n- Print the cards for the sorting.\n- Arrange the room.")).toEqual([
      expect.objectContaining({ field: "parts[1].facilitatorNotes", message: expect.stringMatching(/move it to the plan's `materials`/) }),
    ]);
    // Prose that mentions paper copies is fine: it asks for nothing new.
    expect(load([], "People without a phone use the printed copy.")).toEqual([]);
  });
});
