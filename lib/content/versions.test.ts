import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent, type LocaleContent } from "./load";
import { contentPath, leastFinished, sourceHref, versionOf } from "./versions";
import { sha256 } from "./translation-check";

// An English course of two lessons with a quiz, and a temporary French folder (never content/fr)
// that translates one lesson: the other is shown in English, and says so.
const COURSE = `title: Test course
summary: A course for tests.
audience: Testers.
modules:
  - id: first
    title: First module
    summary: The first module.
    lessons: [one, two]
`;
const LESSON = (title: string, body: string, quiz?: string) => `---
title: ${title}
summary: A lesson.
minutes: 6
objectives: [Explain a thing]
${quiz ? `quiz: ${quiz}\n` : ""}sources:
  - title: A report
    publisher: A publisher
    date: 2025-12-16
---
## Heading

${body}

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
`;

const EN: Record<string, string> = {
  "courses/test/course.yml": COURSE,
  "courses/test/lessons/01-one.md": LESSON("Lesson one", "Body text.", "one"),
  "courses/test/lessons/02-two.md": LESSON("Lesson two", "More text."),
  "courses/test/quizzes/one.yml": QUIZ,
};
const LESSON_FILE = "courses/test/lessons/01-one.md";

function translation(file: string, status = "status: draft", hash = sha256(EN[file])) {
  return `translation:\n  source: content/en/${file}\n  sourceHash: ${hash}\n  ${status.replace("\n", "\n  ")}\n`;
}
const FR_LESSON = (record = translation(LESSON_FILE)) => LESSON("Leçon un", "Texte du corps.", "one").replace(/^---\n/, `---\n${record}`);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>, locales?: unknown): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-versions-"));
  dirs.push(root);
  for (const [rel, text] of Object.entries({ ...Object.fromEntries(Object.entries(EN).map(([f, t]) => [`en/${f}`, t])), ...files })) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  if (locales) fs.writeFileSync(path.join(root, "locales.json"), JSON.stringify(locales));
  return root;
}

function load(files: Record<string, string>, locales?: unknown) {
  const { content, problems } = loadContent(tree(files, locales));
  return { problems, of: (locale: string) => content.find((c) => c.locale === locale) as LocaleContent };
}

describe("a partly translated locale", () => {
  it("loads whole: its own lesson translated, the rest read from English", () => {
    const { problems, of } = load({ [`fr/${LESSON_FILE}`]: FR_LESSON() });
    expect(problems).toEqual([]);
    const fr = of("fr");
    expect(fr.lessons.map((l) => [l.id, l.locale, l.title])).toEqual([
      ["one", "fr", "Leçon un"],
      ["two", "fr", "Lesson two"],
    ]);
    expect(fr.courses[0].modules[0].lessons.map((l) => l.title)).toEqual(["Leçon un", "Lesson two"]);
    expect(fr.quizzes.get("test/one")?.questions[0].prompt).toBe("Which?");
  });

  it("says which version each file is shown in", () => {
    const { of } = load({ [`fr/${LESSON_FILE}`]: FR_LESSON() });
    const fr = of("fr");
    expect(versionOf(fr, LESSON_FILE)).toEqual({ locale: "fr", status: "draft" });
    expect(versionOf(fr, fr.lessons[1].path)).toEqual({ locale: "en", status: "fallback" });
    expect(versionOf(fr, contentPath.quiz("test", "one"))).toEqual({ locale: "en", status: "fallback" });
    expect(versionOf(fr, contentPath.course("test"))).toEqual({ locale: "en", status: "fallback" });
    expect(versionOf(of("en"), LESSON_FILE)).toEqual({ locale: "en", status: "source" });
  });

  it("shows a reviewed translation as it is", () => {
    const record = translation(LESSON_FILE, "status: reviewed\nreviewer: community educator, native French speaker");
    const { problems, of } = load({ [`fr/${LESSON_FILE}`]: FR_LESSON(record) });
    expect(problems).toEqual([]);
    expect(versionOf(of("fr"), LESSON_FILE)).toEqual({ locale: "fr", status: "reviewed" });
  });

  it("serves a listed locale with no folder yet in English throughout", () => {
    const { problems, of } = load({}, { defaultLocale: "en", locales: [{ code: "en", name: "English", dir: "ltr" }, { code: "es", name: "Español", dir: "ltr" }] });
    expect(problems).toEqual([]);
    const es = of("es");
    expect(es.lessons.map((l) => [l.id, l.locale, l.title])).toEqual([
      ["one", "es", "Lesson one"],
      ["two", "es", "Lesson two"],
    ]);
    expect(versionOf(es, LESSON_FILE)).toEqual({ locale: "en", status: "fallback" });
  });

  it("reports a translation's own problems under its file, and not the English files' again", () => {
    const { problems } = load({ [`fr/${LESSON_FILE}`]: FR_LESSON().replace("quiz: one", "quiz: none") });
    expect(problems).toEqual([{ file: `fr/${LESSON_FILE}`, field: "quiz", message: expect.stringMatching(/no quiz "none"/) }]);
  });
});

describe("the translation record", () => {
  const problemsFor = (record: string) => load({ [`fr/${LESSON_FILE}`]: FR_LESSON(record) }).problems.map((p) => `${p.field}: ${p.message}`);

  it("is required in a translated file and refused in an English one", () => {
    expect(problemsFor("")).toEqual([expect.stringMatching(/^translation: a translated file records what it translates/)]);
    const { problems } = load({ [`en/${LESSON_FILE}`]: FR_LESSON() });
    expect(problems).toEqual([{ file: `en/${LESSON_FILE}`, field: "translation", message: expect.stringMatching(/is a source, not a translation/) }]);
  });

  it("names its reviewer exactly when it is reviewed", () => {
    expect(problemsFor(translation(LESSON_FILE, "status: reviewed"))).toEqual(["translation.reviewer: a reviewed translation names its reviewer's role"]);
    expect(problemsFor(translation(LESSON_FILE, "status: draft\nreviewer: a teacher"))).toEqual([expect.stringMatching(/^translation\.reviewer: a draft has no reviewer yet/)]);
    expect(problemsFor(translation(LESSON_FILE, "status: done"))).toEqual([expect.stringMatching(/^translation\.status: write "draft"/)]);
  });

  it("has a sha256 hash and the English file at the same path as its source", () => {
    expect(problemsFor(translation(LESSON_FILE, "status: draft", "md5:abc"))).toEqual([expect.stringMatching(/^translation\.sourceHash: write sha256:/)]);
    const moved = translation(LESSON_FILE).replace(`content/en/${LESSON_FILE}`, "content/en/courses/test/lessons/02-two.md");
    expect(problemsFor(moved)).toEqual([`translation.source: a translation sits at the same path as its source: write source: content/en/${LESSON_FILE} (or move the file)`]);
  });
});

describe("helpers", () => {
  it("finds the English original's address and the least finished of several versions", () => {
    expect(sourceHref("/fr/courses/test/one")).toBe("/en/courses/test/one");
    expect(sourceHref("/pt-BR/help")).toBe("/en/help");
    expect(leastFinished([{ locale: "fr", status: "reviewed" }, { locale: "en", status: "fallback" }])).toEqual({ locale: "en", status: "fallback" });
    expect(leastFinished([{ locale: "fr", status: "reviewed" }, { locale: "fr", status: "draft" }])).toEqual({ locale: "fr", status: "draft" });
  });
});
