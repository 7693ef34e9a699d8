// The track loader's rules for check slots: a workshop part or a school activity that is the
// course's starting (pre) or final (post) check must name a form the course has, once each, in order.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import YAML from "yaml";
import { loadContent, type ContentProblem } from "./load";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const C = "en/courses/test";
const lesson = `---\ntitle: L\nsummary: S.\nminutes: 6\nobjectives: [Explain]\nquiz: one\nsources:\n  - { title: T, publisher: P, date: 2025 }\n---\n## H\n\nBody text.\n`;
const skills = ["recognising", "responding", "resilience"];
const q = (id: string, skill: string) => ({
  id, type: "single", skill, prompt: `Prompt ${id}?`, explanation: "Because.",
  options: [{ id: "a", text: "A", feedback: "Yes." }, { id: "b", text: "B", feedback: "No." }], answer: "a",
});
const form = YAML.stringify({ title: "Check", questions: Array.from({ length: 12 }, (_, i) => q(`q${i}`, skills[i % 3])) });
const withForms = { [`${C}/assessments/form-a.yml`]: form, [`${C}/assessments/form-b.yml`]: form };

type Part = { minutes: number; assessment?: string; scenario?: string };
const workshop = (parts: Part[], minutes = 90) => ({
  "en/tracks/workshop.yml": YAML.stringify({
    kind: "workshop", title: "W", summary: "S.", audience: "A.", course: "test", minutes, disclosure: "D.",
    parts: parts.map((p, i) => ({ id: `p${i}`, title: `Part ${i}`, goals: ["G"], facilitatorNotes: "N.", ...p })),
  }),
});

type Activity = { minutes: number; assessment?: string; absent?: string };
const school = (first: Activity[], last: Activity[]) => ({
  "en/tracks/school.yml": YAML.stringify({
    kind: "school", title: "S", summary: "S.", audience: "A.", course: "test",
    lessons: Array.from({ length: 5 }, (_, i) => ({
      id: `school-${i + 1}`, title: "L", minutes: 50, ages: "13-18", contentWarning: "This talks about violence.", trustedAdult: "Your DSL.",
      objectives: ["Explain"], teacherNotes: "N.", optOut: "Read quietly.", learnerText: "Talk to a trusted adult. They can help you.",
      activities: (i === 0 ? first : i === 4 ? last : [{ minutes: 25 }, { minutes: 25 }]).map((a, j) => ({ title: `A${j}`, description: "D.", ...a })),
    })),
  }),
});
const absent = "They take it in the next lesson.";

function load(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-tracks-"));
  dirs.push(root);
  const all: Record<string, string> = {
    [`${C}/course.yml`]: YAML.stringify({ title: "C", summary: "S.", audience: "A.", modules: [{ id: "m", title: "M", summary: "S.", lessons: ["one"] }] }),
    [`${C}/lessons/01-one.md`]: lesson,
    [`${C}/quizzes/one.yml`]: YAML.stringify({ title: "Q", questions: [1, 2, 3, 4, 5].map((n) => q(`q${n}`, "recognising")) }),
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return loadContent(root);
}

const trackProblems = (files: Record<string, string>) => load(files).problems.filter((p) => p.file.startsWith("en/tracks/"));

describe("track check slots", () => {
  it("loads a workshop with a starting and a final check, kept as data on the parts", () => {
    const { content, problems } = load({ ...withForms, ...workshop([{ minutes: 5 }, { minutes: 8, assessment: "pre" }, { minutes: 62 }, { minutes: 8, assessment: "post" }, { minutes: 7 }]) });
    expect(problems).toEqual([]);
    const w = content[0].tracks.find((t) => t.kind === "workshop");
    expect(w?.kind === "workshop" && w.parts.map((p) => p.assessment)).toEqual([undefined, "pre", undefined, "post", undefined]);
  });

  it("loads a school track with checks in the first and last lessons", () => {
    const { content, problems } = load({
      ...withForms,
      ...school([{ minutes: 10, assessment: "pre", absent }, { minutes: 40 }], [{ minutes: 40 }, { minutes: 10, assessment: "post", absent }]),
    });
    expect(problems).toEqual([]);
    const s = content[0].tracks.find((t) => t.kind === "school");
    expect(s?.kind === "school" && s.lessons[4].activities[1]).toMatchObject({ assessment: "post", absent });
  });

  it.each<{ name: string; files: Record<string, string>; expected: Partial<ContentProblem> & { message?: unknown } }>([
    {
      name: "an unknown form on a workshop part",
      files: { ...withForms, ...workshop([{ minutes: 45, assessment: "mid" }, { minutes: 40 }, { minutes: 5 }]) },
      expected: { field: "parts[0].assessment", message: expect.stringContaining('write "pre"') },
    },
    {
      name: "an unknown form on a school activity",
      files: { ...withForms, ...school([{ minutes: 10, assessment: "final", absent }, { minutes: 40 }], [{ minutes: 25 }, { minutes: 25 }]) },
      expected: { field: "lessons[0].activities[0].assessment", message: expect.stringContaining('write "pre"') },
    },
    {
      name: "a check in a course without assessments",
      files: workshop([{ minutes: 10, assessment: "pre" }, { minutes: 75 }, { minutes: 5 }]),
      expected: { field: "parts[0].assessment", message: 'course "test" has no check forms for the pre slot (assessments/form-a.yml and form-b.yml)' },
    },
    {
      name: "a check slot whose minutes break the total",
      files: { ...withForms, ...workshop([{ minutes: 5 }, { minutes: 8, assessment: "pre" }, { minutes: 70 }, { minutes: 8, assessment: "post" }]) },
      expected: { field: "parts", message: "the parts add up to 91 minutes, not 90" },
    },
    {
      name: "the same check twice",
      files: { ...withForms, ...workshop([{ minutes: 10, assessment: "pre" }, { minutes: 70 }, { minutes: 10, assessment: "pre" }]) },
      expected: { field: "parts[2].assessment", message: expect.stringContaining("already a slot (parts[0].assessment)") },
    },
    {
      name: "the final check before the starting check",
      files: { ...withForms, ...workshop([{ minutes: 10, assessment: "post" }, { minutes: 70 }, { minutes: 10, assessment: "pre" }]) },
      expected: { field: "parts[0].assessment", message: expect.stringContaining("comes before the starting check") },
    },
    {
      name: "a school check with no plan for absent students",
      files: { ...withForms, ...school([{ minutes: 10, assessment: "pre" }, { minutes: 40 }], [{ minutes: 40 }, { minutes: 10, assessment: "post", absent }]) },
      expected: { field: "lessons[0].activities[0].absent", message: "say what to do for students who miss the check" },
    },
  ])("refuses $name", ({ files, expected }) => {
    expect(trackProblems(files)).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/^en\/tracks\//), ...expected }));
  });
});

describe("a realistic workshop plan", () => {
  const scenario = YAML.stringify({ title: "S", summary: "S.", skill: "responding", ideology: "none", start: "s1", steps: { s1: { text: "T.", ending: { outcome: "helpful", debrief: "D." } } } });
  const scenarios = Object.fromEntries(["a", "b", "c", "d"].map((id) => [`${C}/scenarios/${id}.yml`, scenario]));
  const plan = (ids: string[], minutes = [5, 8, 20, 20, 20, 9, 8]) =>
    workshop(minutes.map((m, i) => ({ minutes: m, ...(i === 1 ? { assessment: "pre" } : i === 6 ? { assessment: "post" } : {}), ...(ids[i - 2] ? { scenario: ids[i - 2] } : {}) })));

  it("accepts three scenarios in 90 minutes with both checks", () => {
    expect(trackProblems({ ...withForms, ...scenarios, ...plan(["a", "b", "c"]) })).toEqual([]);
  });

  it("refuses a fourth scenario", () => {
    expect(trackProblems({ ...withForms, ...scenarios, ...plan(["a", "b", "c", "d"]) })).toContainEqual({
      file: "en/tracks/workshop.yml",
      field: "parts",
      message: "the parts play 4 scenarios; a workshop has room for 3 at most (say in the notes which one was cut)",
    });
  });

  it("refuses parts that do not add up to the total", () => {
    expect(trackProblems({ ...withForms, ...scenarios, ...plan(["a"], [5, 8, 20, 20, 20, 10, 8]) })).toContainEqual(expect.objectContaining({ field: "parts", message: "the parts add up to 91 minutes, not 90" }));
  });

  it("refuses a plan that drops the starting check", () => {
    const noPre = workshop([{ minutes: 5 }, { minutes: 77 }, { minutes: 8, assessment: "post" }]);
    expect(trackProblems({ ...withForms, ...noPre })).toContainEqual({ file: "en/tracks/workshop.yml", field: "parts", message: "keep the starting check: a part with `assessment: pre`" });
  });
});

describe("the workshop in content/en", () => {
  const { content } = loadContent(path.join(__dirname, "..", "..", "content"));
  const w = content.find((c) => c.locale === "en")!.tracks.find((t) => t.kind === "workshop");

  it("plays at most three scenarios, adds up to its minutes and keeps the starting check", () => {
    if (w?.kind !== "workshop") throw new Error("no workshop track in content/en/tracks");
    expect(w.parts.filter((p) => p.scenario).length).toBeLessThanOrEqual(3);
    expect(w.parts.reduce((n, p) => n + p.minutes, 0)).toBe(w.minutes);
    expect(w.minutes).toBe(90);
    expect(w.parts.map((p) => p.assessment).filter(Boolean)).toEqual(["pre", "post"]);
  });
});
