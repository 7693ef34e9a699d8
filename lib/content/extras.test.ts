// The content check's rules beyond lessons and quizzes, each with a file that breaks it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import YAML from "yaml";
import { loadContent, type ContentProblem } from "./load";
import { summarise } from "./summary";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const C = "en/courses/test";
const lesson = (extra = "") => `---\ntitle: L\nsummary: S.\nminutes: 6\nobjectives: [Explain]\nquiz: one\n${extra}sources:\n  - { title: T, publisher: P, date: 2025 }\n---\n## H\n\nBody text.\n`;
const q = (id: string, skill: string, extra: object = {}) => ({
  id, type: "single", skill, prompt: `Prompt ${id}?`, explanation: "Because.",
  options: [{ id: "a", text: "A", feedback: "Yes." }, { id: "b", text: "B", feedback: "No." }], answer: "a", ...extra,
});
const quiz = (questions: object[], extra: object = {}) => YAML.stringify({ title: "Q", questions, ...extra });
const skills = ["recognising", "responding", "resilience"];
const form = (n: number) => quiz(Array.from({ length: n }, (_, i) => q(`q${i}`, skills[i % 3])));
const scenario = (steps: object, start = "s1") => YAML.stringify({ title: "S", summary: "S.", skill: "responding", ideology: "none", start, steps });
const sortQ = (items: object[]) => ({
  id: "sorting", type: "sort", skill: "recognising", prompt: "Sort", explanation: "Why.",
  categories: [{ id: "calm", label: "No concern" }, { id: "help", label: "Seek advice" }], items,
});
// A bias-check version: one story in which only the place Sam goes to differs.
const version = (id: string, place: string, extra: object = {}) => ({
  id, type: "scenario", skill: "recognising", ideology: "none", prompt: "Which response fits best?", explanation: "One weaker sign calls for a kind word.",
  vignette: `Sam, 15, has started going to a ${place} every Friday. This month Sam has also stopped eating lunch with old friends. Nobody has noticed anything else.`,
  options: [{ id: "a", text: "No concern", feedback: "Not quite." }, { id: "b", text: "Talk and keep an eye", feedback: "Correct." }], answer: "b", ...extra,
});
const pair = (id: string, a: string, b: string, feature = "religion") => ({ id, feature, versions: [a, b] });
/** A quiz with one pair, the second version changed by `extra`. */
const pairQuiz = (extra: object = {}, place = "chess club") => ({
  [`${C}/quizzes/one.yml`]: quiz([version("v-a", "mosque"), version("v-b", place, extra)], { biasPairs: [pair("club-or-choir", "v-a", "v-b")] }),
});
const post = (id: string, manipulative: boolean, extra: object = {}) => ({ id, text: `Post ${id}`, manipulative, feedback: "F.", ...(manipulative ? { technique: "emotion" } : {}), ...extra });

function problems(files: Record<string, string>): ContentProblem[] {
  return load(files).problems;
}

function load(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-extras-"));
  dirs.push(root);
  const all: Record<string, string> = {
    [`${C}/course.yml`]: YAML.stringify({ title: "C", summary: "S.", audience: "A.", modules: [{ id: "m", title: "M", summary: "S.", lessons: ["one"] }] }),
    [`${C}/lessons/01-one.md`]: lesson(),
    [`${C}/quizzes/one.yml`]: quiz([1, 2, 3, 4, 5].map((n) => q(`q${n}`, "recognising"))),
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return loadContent(root);
}

const ok = { text: "Go on.", choices: [{ id: "c1", text: "Next", next: "end" }] };
const end = { text: "The end.", ending: { outcome: "helpful", debrief: "Why." } };

describe("content check rules", () => {
  it.each<{ name: string; files: Record<string, string>; expected: Partial<ContentProblem> & { message?: unknown } }>([
    {
      name: "a sort item in a pile that does not exist",
      files: { [`${C}/quizzes/one.yml`]: quiz([sortQ([{ id: "x", text: "X", answer: "panic", feedback: "F." }, { id: "y", text: "Y", answer: "calm", feedback: "F." }])]) },
      expected: { field: "questions[0].items[0].answer", message: expect.stringContaining('"panic" is not among the categories') },
    },
    {
      name: "a discernment set with no genuine post",
      files: { [`${C}/quizzes/one.yml`]: quiz([{ id: "d", type: "discern", skill: "resilience", prompt: "P", explanation: "E.", items: [post("a", true), post("b", true), post("c", true)] }]) },
      expected: { field: "questions[0].items", message: expect.stringContaining("mix genuine and manipulative") },
    },
    {
      name: "a manipulative post without its technique",
      files: { [`${C}/quizzes/one.yml`]: quiz([{ id: "d", type: "discern", skill: "resilience", prompt: "P", explanation: "E.", items: [post("a", true, { technique: undefined }), post("b", false), post("c", false)] }]) },
      expected: { field: "questions[0].items[0].technique" },
    },
    {
      name: "a bias-check pair with different answers",
      files: pairQuiz({ answer: "a" }),
      expected: { field: "biasPairs[0]", message: expect.stringContaining('pair "club-or-choir": "v-a" and "v-b" must have the same correct answer') },
    },
    {
      name: "a bias-check pair naming a missing question",
      files: { [`${C}/quizzes/one.yml`]: quiz([version("v-a", "choir")], { biasPairs: [pair("club-or-choir", "v-a", "version-z")] }) },
      expected: { field: "biasPairs[0].versions", message: 'pair "club-or-choir" ("v-a", "version-z"): no question "version-z" in this quiz' },
    },
    {
      name: "a scenario with an orphan step",
      files: { [`${C}/scenarios/story.yml`]: scenario({ s1: ok, end, lost: end }) },
      expected: { file: `${C}/scenarios/story.yml`, field: "steps.lost", message: expect.stringContaining("orphan") },
    },
    {
      name: "a scenario with a loop",
      files: { [`${C}/scenarios/story.yml`]: scenario({ s1: { text: "A", choices: [{ id: "c", text: "C", next: "s2" }] }, s2: { text: "B", choices: [{ id: "c", text: "C", next: "s1" }, { id: "d", text: "D", next: "end" }] }, end }) },
      expected: { field: "steps.s1", message: expect.stringContaining("loop") },
    },
    {
      name: "a lesson pointing to a scenario that does not exist",
      files: { [`${C}/lessons/01-one.md`]: lesson("scenario: nowhere\n") },
      expected: { field: "scenario", message: expect.stringContaining('no scenario "nowhere"') },
    },
    {
      name: "an assessment without its parallel form",
      files: { [`${C}/assessments/form-a.yml`]: form(12) },
      expected: { file: `${C}/assessments/form-b.yml`, message: expect.stringContaining("missing check form B") },
    },
    {
      name: "an assessment with too few items",
      files: { [`${C}/assessments/form-a.yml`]: form(9), [`${C}/assessments/form-b.yml`]: form(9) },
      expected: { field: "questions", message: expect.stringContaining("at least 12 items (has 9)") },
    },
    {
      name: "forms that are not parallel",
      files: { [`${C}/assessments/form-a.yml`]: form(12), [`${C}/assessments/form-b.yml`]: form(13) },
      expected: { file: `${C}/assessments/form-b.yml`, message: expect.stringContaining('as many "recognising" items') },
    },
    {
      name: "a workshop whose parts do not add up",
      files: {
        "en/tracks/workshop.yml": YAML.stringify({
          kind: "workshop", title: "W", summary: "S.", audience: "A.", course: "test", minutes: 90, disclosure: "D.",
          parts: [1, 2, 3].map((n) => ({ id: `p${n}`, title: "P", minutes: 20, goals: ["G"], facilitatorNotes: "N." })),
        }),
      },
      expected: { file: "en/tracks/workshop.yml", field: "parts", message: "the parts add up to 60 minutes, not 90" },
    },
    {
      name: "a school lesson that reads above grade 9",
      files: {
        "en/tracks/school.yml": YAML.stringify({
          kind: "school", title: "S", summary: "S.", audience: "A.", course: "test",
          lessons: Array.from({ length: 5 }, (_, i) => ({
            id: `school-${i + 1}`, title: "L", minutes: 50, ages: "13-18", contentWarning: "This talks about violence.", trustedAdult: "Your DSL.",
            objectives: ["Explain"], teacherNotes: "N.", optOut: "Read quietly.",
            learnerText: i === 2 ? "Comprehensive counterterrorism evaluations necessitate interdisciplinary methodological considerations regarding radicalisation trajectories and institutional accountability." : "Talk to a trusted adult. They can help you.",
            activities: [{ title: "A", minutes: 25, description: "D." }, { title: "B", minutes: 25, description: "D." }],
          })),
        }),
      },
      expected: { field: "lessons[2].learnerText", message: expect.stringContaining("above 9") },
    },
    {
      name: "a forbidden term in a lesson",
      files: { [`${C}/lessons/01-one.md`]: lesson() + "\nFighters came from 120 countries.\n" },
      expected: { file: `${C}/lessons/01-one.md`, message: expect.stringContaining("110 countries") },
    },
    {
      name: "a country listed twice",
      files: {
        "en/resources/channels.yml": YAML.stringify({
          unknownCountry: { emergencyNote: "Call.", reportNote: "Police." },
          countries: [1, 2].map(() => ({ code: "GB", name: "UK", emergency: ["999"], confidence: "high", source: { title: "T", publisher: "P", date: "2026" }, lastVerified: "2026-11-20" })),
        }),
      },
      expected: { field: "countries[1].code", message: 'country "GB" is listed twice' },
    },
  ])("reports $name", ({ files, expected }) => {
    expect(problems(files)).toContainEqual(expect.objectContaining(expected));
  });

  it("summarises scenarios, discernment items, bias pairs and reading grades", () => {
    const { content, problems: found } = load({
      [`${C}/quizzes/one.yml`]: quiz(
        [version("a", "choir"), version("b", "chess club"), { id: "d", type: "discern", skill: "resilience", prompt: "P", explanation: "E.", items: [post("x", true), post("y", false), post("z", false)] }],
        { biasPairs: [pair("club-or-choir", "a", "b")] },
      ),
      [`${C}/scenarios/story.yml`]: scenario({ s1: ok, end }),
    });
    expect(found).toEqual([]);
    const summary = summarise(content);
    expect(summary).toMatchObject({ modules: 1, lessons: 1, questions: 3, scenarios: 1, discernmentItems: 3, biasPairs: 1, schoolReadingGrades: {} });
    expect(summary.biasPairsByCourse).toEqual({ "en/test": [{ id: "club-or-choir", feature: "religion", file: `${C}/quizzes/one.yml`, versions: ["a", "b"] }] });
  });
});

describe("bias-check pair rules", () => {
  const other = { id: "x", text: "Something else", feedback: "F." };
  it.each<{ name: string; files: Record<string, string>; expected: Partial<ContentProblem> & { message?: unknown } }>([
    { name: "versions of different types", files: pairQuiz({ type: "single", vignette: undefined, ideology: undefined }), expected: { field: "biasPairs[0]", message: expect.stringContaining('"v-a" and "v-b" must be the same type of question (scenario, single)') } },
    { name: "versions training different skills", files: pairQuiz({ skill: "responding" }), expected: { message: expect.stringContaining("must train the same skill (recognising, responding)") } },
    { name: "options in another order", files: pairQuiz({ options: [{ id: "b", text: "Talk and keep an eye", feedback: "Correct." }, { id: "a", text: "No concern", feedback: "Not quite." }] }), expected: { message: expect.stringContaining("same options in the same order (a, b / b, a)") } },
    { name: "an option reworded", files: pairQuiz({ options: [{ id: "a", text: "No concern at all", feedback: "Not quite." }, { id: "b", text: "Talk and keep an eye", feedback: "Correct." }] }), expected: { message: expect.stringContaining('option "a" must read the same in both') } },
    { name: "an option with other feedback", files: pairQuiz({ options: [{ id: "a", text: "No concern", feedback: "Not quite: a club is fine." }, { id: "b", text: "Talk and keep an eye", feedback: "Correct." }] }), expected: { message: expect.stringContaining('option "a" must have the same feedback in both') } },
    { name: "an extra option", files: pairQuiz({ options: [{ id: "a", text: "No concern", feedback: "Not quite." }, { id: "b", text: "Talk and keep an eye", feedback: "Correct." }, other] }), expected: { message: expect.stringContaining("same options in the same order") } },
    { name: "another explanation", files: pairQuiz({ explanation: "Chess is a hobby." }), expected: { message: expect.stringContaining('"v-a" and "v-b" must have the same explanation') } },
    { name: "a rewritten story", files: pairQuiz({ vignette: "Robin, 17, argues with teachers about the news and walks out of class when others laugh at a war report. Robin apologised later." }), expected: { message: expect.stringMatching(/the stories differ in \d+ % of their words .*at most 25 %/) } },
    { name: "the same story twice", files: pairQuiz({}, "mosque"), expected: { message: expect.stringContaining("tell the same story word for word") } },
    { name: "feedback that names the swap", files: { [`${C}/quizzes/one.yml`]: quiz([version("v-a", "mosque", { explanation: "Use the swap test." }), version("v-b", "chess club", { explanation: "Use the swap test." })], { biasPairs: [pair("club-or-choir", "v-a", "v-b")] }) }, expected: { message: 'pair "club-or-choir": "v-a" explanation: "swap" names the swap; a learner sees one version, so its words never mention the check or another version' } },
    {
      name: "a question in two pairs",
      files: { [`${C}/quizzes/one.yml`]: quiz([version("v-a", "mosque"), version("v-b", "chess club"), version("v-c", "church")], { biasPairs: [pair("one-pair", "v-a", "v-b"), pair("two-pair", "v-a", "v-c")] }) },
      expected: { field: "biasPairs[1].versions", message: 'pair "two-pair" ("v-a", "v-c"): question "v-a" is already a version in pair "one-pair"; a question belongs to at most one pair' },
    },
    {
      name: "a pair id used twice in the course",
      files: {
        ...pairQuiz(),
        [`${C}/boosters/week-1.yml`]: YAML.stringify({ title: "B", summary: "S.", offerAfterDays: 7, questions: [version("v-a", "mosque"), version("v-b", "choir")], biasPairs: [pair("club-or-choir", "v-a", "v-b")] }),
      },
      expected: { file: `${C}/boosters/week-1.yml`, field: "biasPairs[0].id", message: `pair id "club-or-choir" ("v-a", "v-b") is already used in ${C}/quizzes/one.yml; pair ids are unique across the course` },
    },
    { name: "an unknown feature", files: { [`${C}/quizzes/one.yml`]: quiz([version("v-a", "mosque"), version("v-b", "chess club")], { biasPairs: [pair("p", "v-a", "v-b", "hairstyle")] }) }, expected: { field: "biasPairs[0].feature", message: expect.stringContaining("one of religion, conversion, dress, name, language, ideology, nationality") } },
    { name: "the old [a, b] format", files: { [`${C}/quizzes/one.yml`]: quiz([version("v-a", "mosque"), version("v-b", "chess club")], { biasPairs: [["v-a", "v-b"]] }) }, expected: { field: "biasPairs[0]", message: expect.stringContaining("{ id, feature, versions: [first-id, second-id] }") } },
  ])("reports $name", ({ files, expected }) => {
    expect(problems(files)).toContainEqual(expect.objectContaining(expected));
  });

  it("counts a form's length as shown: one version of each pair", () => {
    // 12 plain items plus a pair: 14 questions, 13 shown, as many recognising as 13 plain ones.
    const withPair = YAML.stringify({ ...YAML.parse(form(12)), questions: [...YAML.parse(form(12)).questions, version("v-a", "mosque"), version("v-b", "chess club")], biasPairs: [pair("club-or-choir", "v-a", "v-b")] });
    const plain13 = YAML.stringify({ ...YAML.parse(form(12)), questions: [...YAML.parse(form(12)).questions, version("v-c", "choir")] });
    expect(problems({ [`${C}/assessments/form-a.yml`]: withPair, [`${C}/assessments/form-b.yml`]: plain13 })).toEqual([]);
    // 10 plain items plus a pair: 12 questions but 11 shown, too few.
    const short = YAML.stringify({ ...YAML.parse(form(10)), questions: [...YAML.parse(form(10)).questions, version("v-a", "mosque"), version("v-b", "chess club")], biasPairs: [pair("club-or-choir", "v-a", "v-b")] });
    expect(problems({ [`${C}/assessments/form-a.yml`]: short, [`${C}/assessments/form-b.yml`]: short })).toContainEqual(
      expect.objectContaining({ file: `${C}/assessments/form-a.yml`, field: "questions", message: "a check form needs at least 12 items (has 11 shown, one version of each bias-check pair)" }),
    );
  });

  it("accepts a fair pair, and the same pair id in another course", () => {
    const D = "en/courses/other";
    expect(
      problems({
        ...pairQuiz(),
        [`${D}/course.yml`]: YAML.stringify({ title: "C", summary: "S.", audience: "A.", modules: [{ id: "m", title: "M", summary: "S.", lessons: ["one"] }] }),
        [`${D}/lessons/01-one.md`]: lesson(),
        [`${D}/quizzes/one.yml`]: quiz([version("v-a", "mosque"), version("v-b", "chess club")], { biasPairs: [pair("club-or-choir", "v-a", "v-b")] }),
      }),
    ).toEqual([]);
  });

  it("keeps the pairs on the loaded quiz", () => {
    const { content } = load(pairQuiz());
    expect(content[0].quizzes.get("test/one")?.biasPairs).toEqual([{ id: "club-or-choir", feature: "religion", versions: ["v-a", "v-b"] }]);
  });
});
