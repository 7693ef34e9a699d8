import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent, type ContentProblem } from "./load";
import { checkLessonBody } from "./markdown-check";

// A small valid tree; each test breaks one thing and expects the file and field to be named.
const COURSE = `title: Test course
summary: A course for tests.
audience: Testers.
modules:
  - id: first
    title: First module
    summary: The first module.
    lessons: [one, two]
`;

const LESSON = (quiz?: string) => `---
title: Lesson
summary: A lesson.
minutes: 6
objectives: [Explain a thing]
${quiz ? `quiz: ${quiz}\n` : ""}sources:
  - title: A report
    publisher: A publisher
    date: 2025-12-16
---
## Heading

Body text.

:::scenario{ideology=none}
A fictional story.
:::
`;

const QUIZ = `title: Check
questions:
  - id: q1
    type: single
    skill: recognising
    prompt: Which?
    options:
      - { id: a, text: A, feedback: Right. }
      - { id: b, text: B, feedback: Wrong. }
    answer: a
    explanation: Because.
  - id: q2
    type: true-false
    skill: resilience
    prompt: True?
    answer: false
    feedback: { true: No., false: Yes. }
    explanation: Because.
  - id: q3
    type: multiple
    skill: responding
    prompt: Which ones?
    options:
      - { id: a, text: A, feedback: Yes. }
      - { id: b, text: B, feedback: No. }
      - { id: c, text: C, feedback: Yes. }
    answer: [a, c]
    explanation: Because.
  - id: q4
    type: scenario
    skill: responding
    ideology: none
    vignette: A fictional story.
    prompt: What now?
    options:
      - { id: a, text: A, feedback: Right. }
      - { id: b, text: B, feedback: Wrong. }
    answer: a
    explanation: Because.
`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tree(overrides: Record<string, string | null> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-content-"));
  dirs.push(root);
  const files: Record<string, string | null> = {
    "en/courses/test/course.yml": COURSE,
    "en/courses/test/lessons/01-one.md": LESSON("one"),
    "en/courses/test/lessons/02-two.md": LESSON(),
    "en/courses/test/quizzes/one.yml": QUIZ,
    ...overrides,
  };
  for (const [rel, text] of Object.entries(files)) {
    if (text === null) continue;
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const QUIZ_FILE = "en/courses/test/quizzes/one.yml";
const LESSON_FILE = "en/courses/test/lessons/01-one.md";
const COURSE_FILE = "en/courses/test/course.yml";

function problemsOf(overrides: Record<string, string | null>): ContentProblem[] {
  return loadContent(tree(overrides)).problems;
}

describe("loadContent", () => {
  it("loads a valid tree into courses, lessons and normalised quizzes", () => {
    const { content, problems } = loadContent(tree());
    expect(problems).toEqual([]);
    const [en] = content;
    expect(en.locale).toBe("en");
    expect(en.courses[0].modules[0]).toMatchObject({ id: "first", number: 1, lessons: [{ id: "one", quizId: "one" }, { id: "two" }] });
    const quiz = en.quizzes.get("test/one");
    expect(quiz?.passMark).toBe(0.7);
    expect(quiz?.questions.map((q) => [q.type, q.correct])).toEqual([
      ["single", ["a"]],
      ["true-false", ["false"]],
      ["multiple", ["a", "c"]],
      ["scenario", ["a"]],
    ]);
    expect(quiz?.questions[1].options.map((o) => [o.id, o.feedback])).toEqual([["true", "No."], ["false", "Yes."]]);
    expect(en.lessons.find((l) => l.id === "one")?.sources[0].date).toBe("2025-12-16");
  });

  it("refuses a lesson slug that would read as a check or a booster in progress records", () => {
    const file = "en/courses/test/lessons/03-booster-basics.md";
    expect(problemsOf({ [file]: LESSON() })).toContainEqual({ file, field: "", message: expect.stringMatching(/may not start with "assessment-" or "booster-".*"booster-basics"/) });
  });

  it("keeps a pinned option's flag when it is written last", () => {
    const { content, problems } = loadContent(tree({ [QUIZ_FILE]: QUIZ.replace("{ id: c, text: C, feedback: Yes. }", "{ id: c, text: None of these, feedback: Yes., pinLast: true }") }));
    expect(problems).toEqual([]);
    expect(content[0].quizzes.get("test/one")?.questions[2].options.map((o) => o.pinLast ?? false)).toEqual([false, false, true]);
  });

  // Each broken file is named with its field and a message a content author understands.
  it.each<{ name: string; overrides: Record<string, string | null>; expected: Partial<Record<keyof ContentProblem, unknown>> }>([
    {
      name: "correct answer not among the options",
      overrides: { [QUIZ_FILE]: QUIZ.replace("    answer: a\n    explanation: Because.\n  - id: q2", "    answer: e\n    explanation: Because.\n  - id: q2") },
      expected: { file: QUIZ_FILE, field: "questions[0].answer", message: expect.stringMatching(/"e" is not among the options \(a, b\)/) },
    },
    {
      name: "a multiple-select answer not among the options",
      overrides: { [QUIZ_FILE]: QUIZ.replace("answer: [a, c]", "answer: [a, x]") },
      expected: { file: QUIZ_FILE, field: "questions[2].answer[1]", message: expect.stringContaining('"x" is not among') },
    },
    {
      name: "missing explanation",
      overrides: { [QUIZ_FILE]: QUIZ.replace(/    explanation: Because.\n  - id: q2/, "  - id: q2") },
      expected: { file: QUIZ_FILE, field: "questions[0].explanation" },
    },
    {
      name: "an option without feedback",
      overrides: { [QUIZ_FILE]: QUIZ.replace("{ id: b, text: B, feedback: Wrong. }", "{ id: b, text: B }") },
      expected: { file: QUIZ_FILE, field: "questions[0].options[1].feedback" },
    },
    {
      name: "true/false without feedback for one choice",
      overrides: { [QUIZ_FILE]: QUIZ.replace("feedback: { true: No., false: Yes. }", "feedback: { true: No. }") },
      expected: { file: QUIZ_FILE, field: "questions[1].feedback.false" },
    },
    {
      name: "a scenario without its vignette",
      overrides: { [QUIZ_FILE]: QUIZ.replace("    vignette: A fictional story.\n", "") },
      expected: { file: QUIZ_FILE, field: "questions[3].vignette" },
    },
    {
      name: "an unknown question type",
      overrides: { [QUIZ_FILE]: QUIZ.replace("type: single", "type: essay") },
      expected: { file: QUIZ_FILE, field: "questions[0].type" },
    },
    {
      name: "duplicate question ids",
      overrides: { [QUIZ_FILE]: QUIZ.replace("id: q2", "id: q1") },
      expected: { file: QUIZ_FILE, field: "questions[1].id", message: expect.stringContaining("used twice") },
    },
    {
      name: "duplicate option ids",
      overrides: { [QUIZ_FILE]: QUIZ.replace("{ id: b, text: B, feedback: Wrong. }", "{ id: a, text: B, feedback: Wrong. }") },
      expected: { file: QUIZ_FILE, field: "questions[0].options[1].id" },
    },
    {
      name: "every option of a multiple-select marked correct",
      overrides: { [QUIZ_FILE]: QUIZ.replace("answer: [a, c]", "answer: [a, b, c]") },
      expected: { file: QUIZ_FILE, field: "questions[2].answer", message: expect.stringContaining("every option is correct") },
    },
    {
      name: "a pinned option written before an unpinned one",
      overrides: { [QUIZ_FILE]: QUIZ.replace("{ id: b, text: B, feedback: No. }", "{ id: b, text: None of these, feedback: No., pinLast: true }") },
      expected: { file: QUIZ_FILE, field: "questions[2].options[2]", message: expect.stringContaining("after every other option") },
    },
    {
      name: "pinLast set to anything but true",
      overrides: { [QUIZ_FILE]: QUIZ.replace("{ id: c, text: C, feedback: Yes. }", "{ id: c, text: C, feedback: Yes., pinLast: false }") },
      expected: { file: QUIZ_FILE, field: "questions[2].options[2].pinLast" },
    },
    {
      name: "a quiz that is not valid YAML",
      overrides: { [QUIZ_FILE]: "title: [unclosed\n" },
      expected: { file: QUIZ_FILE, message: expect.stringContaining("not valid YAML") },
    },
    {
      name: "a lesson pointing to a quiz that does not exist",
      overrides: { [LESSON_FILE]: LESSON("missing") },
      expected: { file: LESSON_FILE, field: "quiz", message: expect.stringContaining('no quiz "missing"') },
    },
    {
      name: "a lesson without sources",
      overrides: { [LESSON_FILE]: LESSON("one").replace(/sources:\n(.*\n){3}/, "") },
      expected: { file: LESSON_FILE, field: "sources" },
    },
    {
      name: "a source with a malformed date",
      overrides: { [LESSON_FILE]: LESSON("one").replace("date: 2025-12-16", "date: December 2025") },
      expected: { file: LESSON_FILE, field: "sources[0].date", message: expect.stringContaining("YYYY") },
    },
    {
      name: "a lesson without objectives",
      overrides: { [LESSON_FILE]: LESSON("one").replace("objectives: [Explain a thing]", "objectives: []") },
      expected: { file: LESSON_FILE, field: "objectives" },
    },
    {
      name: "an unknown front-matter field (a typo)",
      overrides: { [LESSON_FILE]: LESSON("one").replace("minutes: 6", "minutes: 6\nminuets: 6") },
      expected: { file: LESSON_FILE, field: "" , message: expect.stringContaining("minuets") },
    },
    {
      name: "a story passage without its ideology",
      overrides: { [LESSON_FILE]: LESSON("one").replace(":::scenario{ideology=none}", ":::scenario") },
      expected: { file: LESSON_FILE, field: "body", message: expect.stringContaining("name the story's ideology") },
    },
    {
      name: "one ideology above 40 % of the course's concerning stories",
      overrides: { [LESSON_FILE]: LESSON("one").replace("{ideology=none}", "{ideology=jihadist}"), "en/courses/test/lessons/02-two.md": LESSON().replace("{ideology=none}", "{ideology=jihadist}") },
      expected: { file: "en/courses/test/course.yml", field: "ideology", message: expect.stringContaining('"jihadist" is 2 of the 2 concerning stories') },
    },
    {
      name: "an unclosed scenario block",
      overrides: { [LESSON_FILE]: LESSON("one").replace(/:::\n$/, "") },
      expected: { file: LESSON_FILE, field: "body", message: expect.stringContaining("never closed") },
    },
    {
      name: "a course listing a lesson with no file",
      overrides: { [COURSE_FILE]: COURSE.replace("[one, two]", "[one, two, three]") },
      expected: { file: COURSE_FILE, field: "modules[0].lessons[2]", message: expect.stringContaining('no lesson file for "three"') },
    },
    {
      name: "a lesson file no module lists",
      overrides: { "en/courses/test/lessons/03-three.md": LESSON() },
      expected: { file: "en/courses/test/lessons/03-three.md", message: expect.stringContaining("not listed in any module") },
    },
    {
      name: "a missing course.yml",
      overrides: { [COURSE_FILE]: null },
      expected: { file: COURSE_FILE, message: "missing course.yml" },
    },
    {
      name: "a folder that is not a locale",
      overrides: { "english/readme.txt": "x" },
      expected: { file: "english", message: expect.stringContaining("locale") },
    },
  ])("reports $name", ({ overrides, expected }) => {
    const problems = problemsOf(overrides);
    expect(problems).toContainEqual(expect.objectContaining(expected));
  });
});

describe("checkLessonBody", () => {
  it.each([
    { body: ":::scenario\nA story\n:::", problems: 0 },
    { body: ":::warning\nx\n:::", problems: 2, match: /unknown block ":::warning"/ },
    { body: ":::scenario\nx", problems: 1, match: /never closed/ },
    { body: "text\n:::", problems: 1, match: /never opened/ },
    { body: ":::scenario\n:::scenario\n:::", problems: 1, match: /inside/ },
    { body: "# Title\n\ntext", problems: 1, match: /## and below/ },
  ])("$body -> $problems problem(s)", ({ body, problems, match }) => {
    const found = checkLessonBody(body);
    expect(found).toHaveLength(problems);
    if (match) expect(found.join("\n")).toMatch(match);
  });
});

describe("npm run content:check", () => {
  const script = path.resolve(__dirname, "../../scripts/content-check.ts");
  const tsx = path.resolve(__dirname, "../../node_modules/.bin/tsx");

  // A quiz that no knowledge-free rule passes (lib/content/item-rules.ts): keys at positions 1
  // and 2, neither the longest nor the shortest option; one true and one false; the multiple
  // choice key not the longer half. Its best test-wise score is (1 + 1 + 0.5) / 5 = 0.5.
  const BALANCED_QUIZ = `title: Check
questions:
  - { id: q1, type: single, skill: recognising, prompt: Which?, answer: a, explanation: Because., options: [{ id: a, text: Bb, feedback: Right. }, { id: b, text: A, feedback: Wrong. }, { id: c, text: Ccc, feedback: Wrong. }] }
  - { id: q2, type: true-false, skill: resilience, prompt: True?, answer: false, feedback: { true: No., false: Yes. }, explanation: Because. }
  - { id: q3, type: true-false, skill: resilience, prompt: And this?, answer: true, feedback: { true: Yes., false: No. }, explanation: Because. }
  - { id: q4, type: multiple, skill: responding, prompt: Which ones?, answer: [a, c], explanation: Because., options: [{ id: a, text: A, feedback: Yes. }, { id: b, text: Bb, feedback: No. }, { id: c, text: C, feedback: Yes. }] }
  - { id: q5, type: scenario, skill: responding, ideology: none, vignette: A fictional story., prompt: What now?, answer: b, explanation: Because., options: [{ id: a, text: A, feedback: Wrong. }, { id: b, text: Bb, feedback: Right. }, { id: c, text: Ccc, feedback: Wrong. }] }
`;

  it("exits 0 and summarises a valid tree", () => {
    const out = execFileSync(tsx, [script, `--root=${tree({ [QUIZ_FILE]: BALANCED_QUIZ })}`], { encoding: "utf8" });
    expect(out).toMatch(/1 course\(s\), 1 module\(s\), 2 lesson\(s\), 1 quiz\(zes\), 5 question\(s\), 0 scenario\(s\), 0 track\(s\): all valid/);
    const json = JSON.parse(execFileSync(tsx, [script, `--root=${tree({ [QUIZ_FILE]: BALANCED_QUIZ })}`, "--json"], { encoding: "utf8" })) as { testWise: Record<string, { score: number }> };
    expect(json.testWise["en/test/quiz one"].score).toBe(0.5);
  });

  it("exits non-zero and names the quiz a learner who knows nothing would pass", () => {
    let status = 0;
    let stderr = "";
    try {
      execFileSync(tsx, [script, `--root=${tree()}`], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      ({ status, stderr } = e as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(stderr).toContain(`${QUIZ_FILE}: a learner who knows nothing scores 0.88`);
  });

  it("exits non-zero and names the file and field of a broken quiz", () => {
    const root = tree({ [QUIZ_FILE]: QUIZ.replace("    answer: a\n    explanation: Because.\n  - id: q2", "    answer: e\n    explanation: Because.\n  - id: q2") });
    let status = 0;
    let stderr = "";
    try {
      execFileSync(tsx, [script, `--root=${root}`], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      const err = e as { status: number; stderr: string };
      status = err.status;
      stderr = err.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toContain(`${QUIZ_FILE} › questions[0].answer: the answer "e" is not among the options (a, b)`);
  });
});
