// The content check's rules for "Your views" statements, each with a file that breaks it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import YAML from "yaml";
import { loadContent } from "./load";
import { offLimits } from "./attitudes";
import { summarise } from "./summary";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const C = "en/courses/test";
const skills = ["recognising", "responding", "resilience"];
const q = (id: string, skill: string) => ({
  id, type: "single", skill, prompt: `Prompt ${id}?`, explanation: "Because.",
  options: [{ id: "a", text: "A", feedback: "Yes." }, { id: "b", text: "B", feedback: "No." }], answer: "a",
});
const form = (n: number) => YAML.stringify({ title: "Check", questions: Array.from({ length: n }, (_, i) => q(`q${i}`, skills[i % 3])) });
const GOOD = [
  { id: "know-where-to-report", statement: "I know where I would report a concern in my country." },
  { id: "talk-without-shaming", statement: "I feel able to talk with someone who is sharing extremist content without shaming them." },
  { id: "people-can-be-helped", statement: "Most people who come across extremist content online can be helped away from it." },
  { id: "spot-outrage-posts", statement: "I can tell when a post is designed to make me angry at a whole group." },
];

function load(files: Record<string, string>, withAssessments = true) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-attitudes-"));
  dirs.push(root);
  const all: Record<string, string> = {
    [`${C}/course.yml`]: YAML.stringify({ title: "C", summary: "S.", audience: "A.", modules: [{ id: "m", title: "M", summary: "S.", lessons: ["one"] }] }),
    [`${C}/lessons/01-one.md`]: "---\ntitle: L\nsummary: S.\nminutes: 6\nobjectives: [Explain]\nsources:\n  - { title: T, publisher: P, date: 2025 }\n---\n## H\n\nBody text.\n",
    ...(withAssessments ? { [`${C}/assessments/form-a.yml`]: form(12), [`${C}/assessments/form-b.yml`]: form(12) } : {}),
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return loadContent(root);
}

const file = (items: object[]) => ({ [`${C}/attitudes.yml`]: YAML.stringify({ items }) });

describe("attitude statements", () => {
  it("loads a valid file, counted in the summary", () => {
    const { content, problems } = load(file(GOOD));
    expect(problems).toEqual([]);
    expect(content[0].attitudes.get("test")?.items.map((i) => i.id)).toEqual(GOOD.map((g) => g.id));
    expect(summarise(content).attitudeItems).toBe(4);
  });

  it("a course without the file asks nothing", () => {
    const { content, problems } = load({});
    expect(problems).toEqual([]);
    expect(content[0].attitudes.size).toBe(0);
  });

  it.each([
    { name: "a statement about the learner's faith", items: [...GOOD.slice(0, 3), { id: "faith", statement: "My religion matters a lot to me." }], field: "items[3].statement", message: "faith" },
    { name: "a statement about politics", items: [...GOOD.slice(0, 3), { id: "vote", statement: "I vote in every election." }], field: "items[3].statement", message: "politics" },
    { name: "a statement about sympathy for a cause", items: [{ id: "sym", statement: "I have some sympathy for people who fight for their cause." }, ...GOOD.slice(1)], field: "items[0].statement", message: "sympathy" },
    { name: "a statement about grievances", items: [...GOOD.slice(0, 3), { id: "grief", statement: "I feel treated unfairly by society." }], field: "items[3].statement", message: "grievances" },
    { name: "a statement asking if violence is justified", items: [...GOOD.slice(0, 3), { id: "just", statement: "Violence is sometimes justified to defend a community." }], field: "items[3].statement", message: "justified" },
    { name: "a statement id used twice", items: [...GOOD, { ...GOOD[0], statement: "Another statement about reporting." }], field: "items[4].id", message: "used twice" },
    { name: "too few statements", items: GOOD.slice(0, 3), field: "items", message: "at least 4" },
    { name: "too many statements", items: [...GOOD, ...GOOD.map((g) => ({ ...g, id: `${g.id}-2` }))].slice(0, 7), field: "items", message: "at most 6" },
    { name: "an unknown field", items: [...GOOD.slice(0, 3), { ...GOOD[3], answer: 5 }], field: "items[3]", message: "answer" },
  ])("refuses $name, naming the field", ({ items, field, message }) => {
    const { problems, content } = load(file(items));
    expect(problems).toContainEqual(expect.objectContaining({ file: `${C}/attitudes.yml`, field, message: expect.stringContaining(message) }));
    expect(content[0].attitudes.size).toBe(0);
  });

  it("wants the file named attitudes.yml, like the course's other files", () => {
    const { problems } = load({ [`${C}/attitudes.yaml`]: YAML.stringify({ items: GOOD }) });
    expect(problems).toContainEqual(expect.objectContaining({ file: `${C}/attitudes.yaml`, message: expect.stringContaining("attitudes.yml") }));
  });

  it("needs the starting and final checks, where the statements are asked", () => {
    const { problems } = load(file(GOOD), false);
    expect(problems).toContainEqual(expect.objectContaining({ file: `${C}/attitudes.yml`, message: expect.stringContaining("assessments/form-a.yml") }));
  });

  it("tells statements about responding from statements that could label a person", () => {
    for (const ok of [
      ...GOOD.map((g) => g.statement),
      "I could explain to a friend why warning signs are about what someone does, not who they are.",
      "I can tell when a post tries to justify violence.",
      "After an attack I would wait for reliable sources before sharing news.",
    ]) {
      expect(offLimits(ok), ok).toBeUndefined();
    }
    for (const bad of ["I pray every day.", "Muslims in my area are treated fairly.", "I support a political party.", "Refugees should go home.", "I admire people who stand up for their cause.", "I am often angry at the government.", "Attacks are understandable when a group is oppressed."]) {
      expect(offLimits(bad), bad).toBeDefined();
    }
  });
});
