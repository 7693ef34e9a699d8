import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent } from "./load";
import { activityFile, checkActivity } from "./activities";

const C = "en/courses/test";
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const piece = (id: string, use: string) => ({ id, text: `Piece ${id}.`, use, feedback: `Feedback ${id}.` });
const GOOD = {
  title: "Stir it up",
  summary: "Build a post.",
  technique: "emotion",
  frame: "An invented town changes its bus timetable.",
  steps: [
    { id: "one", prompt: "Begin?", pieces: [piece("a", "well"), piece("b", "weak"), piece("c", "none")] },
    { id: "two", prompt: "End?", pieces: [piece("d", "none"), piece("e", "well"), piece("f", "weak")] },
  ],
  explanation: "Emotion pushes you past the facts.",
  spot: {
    prompt: "Which use it?",
    posts: [
      { id: "p", text: "Share NOW.", uses: true, feedback: "Uses it." },
      { id: "q", text: "The bus comes every 20 minutes.", uses: false, feedback: "Does not." },
      { id: "r", text: "Imagine the cold.", uses: true, feedback: "Uses it." },
    ],
  },
};
type Activity = typeof GOOD;

function load(activity: unknown, lessonLinks = true) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-activities-"));
  dirs.push(root);
  const files: Record<string, string> = {
    [`${C}/course.yml`]: YAML.stringify({ title: "C", summary: "S.", audience: "A.", modules: [{ id: "m", title: "M", summary: "S.", lessons: ["one"] }] }),
    [`${C}/lessons/01-one.md`]: `---\ntitle: L\nsummary: S.\nminutes: 6\nobjectives: [Explain]\n${lessonLinks ? "activity: stir-it-up\n" : ""}sources:\n  - { title: T, publisher: P, date: 2025 }\n---\n## H\n\nBody text.\n`,
    [`${C}/activities/stir-it-up.yml`]: YAML.stringify(activity),
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return loadContent(root);
}

const edit = (f: (a: Activity) => void): Activity => {
  const a = structuredClone(GOOD);
  f(a);
  return a;
};

describe("activities", () => {
  it("loads a valid activity linked from a lesson", () => {
    const { content, problems } = load(GOOD);
    expect(problems).toEqual([]);
    expect(content[0].activities.get("test/stir-it-up")?.steps.map((s) => s.id)).toEqual(["one", "two"]);
    expect(content[0].lessons[0].activityId).toBe("stir-it-up");
  });

  it("names an activity no lesson links", () => {
    const { problems } = load(GOOD, false);
    expect(problems).toEqual([expect.objectContaining({ file: `${C}/activities/stir-it-up.yml`, message: expect.stringMatching(/not linked from any lesson/) })]);
  });

  it("names a lesson that links a missing activity", () => {
    const { problems } = load(edit((a) => (a.technique = "nonsense")));
    expect(problems).toContainEqual(expect.objectContaining({ file: `${C}/lessons/01-one.md`, field: "activity" }));
  });

  it.each<[string, Activity, string, RegExp]>([
    ["an unknown technique", edit((a) => (a.technique = "nonsense")), "technique", /name the technique/],
    ["one step", edit((a) => a.steps.pop()), "steps", /at least two steps/],
    ["five steps", edit((a) => a.steps.push(...[0, 1, 2].map((i) => ({ ...structuredClone(a.steps[i % 2]), id: `x${i}` })))), "steps", /at most four/],
    ["two pieces", edit((a) => a.steps[0].pieces.pop()), "steps[0].pieces", /exactly three pieces/],
    ["free text in place of a use", edit((a) => (a.steps[0].pieces[0].use = "strong")), "steps[0].pieces[0].use", /one of well, weak, none/],
    ["a long piece", edit((a) => (a.steps[0].pieces[0].text = "word ".repeat(40))), "steps[0].pieces[0].text", /under 160 characters/],
    ["two spot posts", edit((a) => a.spot.posts.pop()), "spot.posts", /at least three posts/],
    ["an extra field", edit((a) => Object.assign(a, { freeText: true })), "", /Unrecognized key/i],
  ])("refuses %s, naming the field", (_what, activity, field, message) => {
    const { problems } = load(activity);
    expect(problems).toContainEqual(expect.objectContaining({ file: `${C}/activities/stir-it-up.yml`, field, message: expect.stringMatching(message) }));
  });
});

describe("checkActivity", () => {
  const problemsOf = (a: Activity) => checkActivity(activityFile.parse(a), "f.yml");

  it("finds nothing wrong in a good activity", () => {
    expect(problemsOf(GOOD)).toEqual([]);
  });

  it.each<[string, Activity, string, RegExp]>([
    ["two pieces marked well", edit((a) => (a.steps[0].pieces[1].use = "well")), "steps[0].pieces", /exactly one piece "well" \(found 2\)/],
    ["no piece marked none", edit((a) => (a.steps[1].pieces[0].use = "weak")), "steps[1].pieces", /exactly one piece "none" \(found 0\)/],
    ["the best piece always first", edit((a) => (a.steps[1].pieces = [piece("e", "well"), piece("d", "none"), piece("f", "weak")])), "steps", /number 1 in every step/],
    ["a step id used twice", edit((a) => (a.steps[1].id = "one")), "steps[1].id", /used twice/],
    ["a piece id used twice", edit((a) => (a.steps[0].pieces[2].id = "a")), "steps[0].pieces[2].id", /used twice/],
    ["a spot round of one kind", edit((a) => (a.spot.posts[1].uses = true)), "spot.posts", /mix posts/],
    ["a post id used twice", edit((a) => (a.spot.posts[2].id = "p")), "spot.posts[2].id", /used twice/],
    ["faith in a piece", edit((a) => (a.steps[0].pieces[0].text = "They all go to the same mosque.")), "steps[0].pieces[0].text", /"mosque"/],
    ["origin in a spot post", edit((a) => (a.spot.posts[0].text = "Blame the refugees.")), "spot.posts[0].text", /"refugees"/],
    ["language in the frame", edit((a) => (a.frame = "A shop sign in another language.")), "frame", /"language"/],
  ])("reports %s", (_what, activity, field, message) => {
    expect(problemsOf(activity)).toContainEqual(expect.objectContaining({ file: "f.yml", field, message: expect.stringMatching(message) }));
  });
});

describe("the course's activities", () => {
  const { content, problems } = loadContent(path.join(__dirname, "..", "..", "content"));

  // Each locale is a whole course: techniques are distinct within a locale, not across them.
  it.each(content.map((c) => [c.locale, c] as const))("%s: load, at least two, each with its own technique, each linked from a lesson", (_locale, c) => {
    expect(problems).toEqual([]);
    const activities = [...c.activities.values()];
    expect(activities.length).toBeGreaterThanOrEqual(2);
    expect(new Set(activities.map((a) => a.technique)).size).toBe(activities.length);
    const linked = new Set(c.lessons.map((l) => l.activityId));
    for (const a of activities) expect(linked).toContain(a.id);
  });
});
