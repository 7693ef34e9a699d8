import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkTranslations, compareSchoolReading, sha256 } from "./translation-check";
import { compareIcu, icuArguments } from "./icu";

// A tiny English source and a French translation of it; each test changes one thing.
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
const QUIZ_FR = `title: Vérification
questions:
  - id: q1
    type: single
    skill: recognising
    prompt: Laquelle ?
    options:
      - { id: a, text: A, feedback: Juste. }
      - { id: b, text: B, feedback: Faux. }
    answer: a
    explanation: Parce que.
`;
const SCENARIO = `title: A story
start: begin
steps:
  begin:
    text: It starts.
    choices:
      - { id: talk, text: Talk, next: end }
  end:
    text: It ends.
    ending: { outcome: helpful, debrief: Well done. }
`;
const SCENARIO_FR = SCENARIO.replace("A story", "Une histoire").replace("It starts.", "Ça commence.").replace("Talk, next", "Parler, next").replace("It ends.", "Fin.").replace("Well done.", "Bravo.");
const LESSON = `---
title: Lesson
minutes: 6
quiz: one
---
Text.

:::scenario{ideology=none}
A story.
:::
`;
const LESSON_FR = LESSON.replace("title: Lesson", "title: Leçon").replace("Text.", "Texte.").replace("A story.", "Une histoire.");
const MESSAGES = { site: { name: "Common Ground", greet: "Hello {name}", lessons: "{count, plural, one {# lesson} other {# lessons}}" } };
const MESSAGES_FR = { site: { name: "Common Ground", greet: "Bonjour {name}", lessons: "{count, plural, one {# leçon} many {# de leçons} other {# leçons}}" } };

const EN: Record<string, string> = {
  "messages.json": JSON.stringify(MESSAGES, null, 2),
  "courses/c/quizzes/one.yml": QUIZ,
  "courses/c/scenarios/story.yml": SCENARIO,
  "courses/c/lessons/01-one.md": LESSON,
};

/** The record a translated file carries, for the English file's current text unless `hash` says otherwise. */
function record(file: string, hash = sha256(EN[file] ?? "")): string {
  if (file.endsWith(".json")) return JSON.stringify({ source: `content/en/${file}`, sourceHash: hash, status: "draft" });
  return `translation:\n  source: content/en/${file}\n  sourceHash: ${hash}\n  status: draft\n`;
}

function translated(file: string, text: string, hash?: string): string {
  if (file.endsWith(".json")) return JSON.stringify({ $translation: JSON.parse(record(file, hash)), ...JSON.parse(text) }, null, 2);
  if (file.endsWith(".md")) return text.replace(/^---\n/, `---\n${record(file, hash)}`);
  return record(file, hash) + text;
}

const FR: Record<string, string> = {
  "messages.json": JSON.stringify(MESSAGES_FR),
  "courses/c/quizzes/one.yml": QUIZ_FR,
  "courses/c/scenarios/story.yml": SCENARIO_FR,
  "courses/c/lessons/01-one.md": LESSON_FR,
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A content root with en, fr (every file translated unless `fr` leaves some out) and locales.json. */
function tree({ fr = FR, locales = { defaultLocale: "en", locales: ["en"] } as unknown, hashes = {} as Record<string, string> } = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-translation-"));
  dirs.push(root);
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write("locales.json", JSON.stringify(locales));
  for (const [f, text] of Object.entries(EN)) write(`en/${f}`, text);
  for (const [f, text] of Object.entries(fr)) write(`fr/${f}`, translated(f, text, hashes[f]));
  return root;
}

const messagesOf = (root: string) => checkTranslations(root).problems.map((p) => `${p.file}${p.field ? ` › ${p.field}` : ""}: ${p.message}`);

describe("checkTranslations", () => {
  it("passes a translation that matches its source, and reports its coverage", () => {
    const result = checkTranslations(tree());
    expect(result.problems).toEqual([]);
    expect(result.locales).toEqual([
      { locale: "fr", listed: false, status: "partial", translated: 4, total: 4, coverage: 100, draft: 4, reviewed: 0, stale: [], missing: [] },
    ]);
  });

  it("fails a translation whose English source changed since (stale)", () => {
    const old = sha256("an older English text");
    const root = tree({ hashes: { "courses/c/quizzes/one.yml": old } });
    expect(messagesOf(root)).toEqual([expect.stringMatching(/^fr\/courses\/c\/quizzes\/one\.yml › translation\.sourceHash: stale: content\/en\/courses\/c\/quizzes\/one\.yml changed since/)]);
    expect(checkTranslations(root).locales[0].stale).toEqual(["courses/c/quizzes/one.yml"]);
  });

  it("fails a message key that one locale has and the other lacks", () => {
    const fr = { ...FR, "messages.json": JSON.stringify({ site: { name: "Common Ground", lessons: MESSAGES_FR.site.lessons, extra: "En plus" } }) };
    expect(messagesOf(tree({ fr }))).toEqual([
      "fr/messages.json › site.greet: the message key is in en and not in fr",
      "fr/messages.json › site.extra: the message key is in fr and not in en",
    ]);
  });

  it("fails a message whose placeholders differ from the source", () => {
    const fr = { ...FR, "messages.json": JSON.stringify({ site: { ...MESSAGES_FR.site, greet: "Bonjour {nom}", lessons: "{count, plural, one {# leçon} few {# leçons} other {# leçons}}" } }) };
    expect(messagesOf(tree({ fr }))).toEqual([
      "fr/messages.json › site.greet: the placeholder {name} is missing",
      "fr/messages.json › site.greet: the placeholder {nom} is not in the source",
      expect.stringMatching(/^fr\/messages\.json › site\.lessons: the plural \{count\} has forms? fr does not use: few/),
    ]);
  });

  it("reports a missing file as coverage for a partial locale and fails it for a complete one", () => {
    const fr = { ...FR };
    delete (fr as Record<string, string>)["courses/c/scenarios/story.yml"];
    const partial = checkTranslations(tree({ fr, locales: { defaultLocale: "en", locales: [{ code: "en" }, { code: "fr", name: "Français", dir: "ltr", status: "partial" }] } }));
    expect(partial.problems).toEqual([]);
    expect(partial.locales[0]).toMatchObject({ listed: true, status: "partial", translated: 3, total: 4, coverage: 75, missing: ["courses/c/scenarios/story.yml"] });

    // Listed without a status (either format of locales.json): complete, so a missing file fails.
    for (const locales of [{ defaultLocale: "en", locales: ["en", "fr"] }, { defaultLocale: "en", locales: [{ code: "en", name: "English", dir: "ltr" }, { code: "fr", name: "Français", dir: "ltr" }] }]) {
      expect(messagesOf(tree({ fr, locales }))).toEqual([expect.stringMatching(/^fr\/courses\/c\/scenarios\/story\.yml: missing: fr is listed as complete in locales\.json/)]);
    }
  });

  it("fails a listed complete locale that has no folder at all, once per file", () => {
    const root = tree({ fr: {}, locales: { defaultLocale: "en", locales: ["en", "es"] } });
    const result = checkTranslations(root);
    expect(result.locales.map((l) => [l.locale, l.coverage])).toEqual([["es", 0]]);
    expect(result.problems).toHaveLength(4);
  });

  it("fails a translated quiz whose correct answer differs from the source", () => {
    const fr = { ...FR, "courses/c/quizzes/one.yml": QUIZ_FR.replace("answer: a", "answer: b") };
    expect(messagesOf(tree({ fr }))).toEqual(['fr/courses/c/quizzes/one.yml › questions[0].answer: "b" here and "a" in the source: the correct answer must match the source']);
  });

  it("fails a translation with an extra item id, or a renamed one", () => {
    const extra = { ...FR, "courses/c/quizzes/one.yml": QUIZ_FR.replace("      - { id: b, text: B, feedback: Faux. }", "      - { id: b, text: B, feedback: Faux. }\n      - { id: c, text: C, feedback: Faux. }") };
    expect(messagesOf(tree({ fr: extra }))).toEqual([
      "fr/courses/c/quizzes/one.yml › questions[0].options: 3 items here and 2 in the source (extra id c): a translation has the same items in the same order",
    ]);
    const renamed = { ...FR, "courses/c/quizzes/one.yml": QUIZ_FR.replace("id: q1", "id: question-1") };
    expect(messagesOf(tree({ fr: renamed }))).toEqual(['fr/courses/c/quizzes/one.yml › questions[0].id: "question-1" here and "q1" in the source: ids stay the same in every language']);
  });

  it("fails a translated scenario whose graph differs from the source", () => {
    const relinked = { ...FR, "courses/c/scenarios/story.yml": SCENARIO_FR.replace("next: end", "next: begin") };
    expect(messagesOf(tree({ fr: relinked }))).toEqual(['fr/courses/c/scenarios/story.yml › steps.begin.choices[0].next: "begin" here and "end" in the source: the scenario graph must match the source']);
    const renamed = { ...FR, "courses/c/scenarios/story.yml": SCENARIO_FR.replace("next: end", "next: fin").replace("  end:", "  fin:") };
    expect(messagesOf(tree({ fr: renamed }))).toEqual([
      'fr/courses/c/scenarios/story.yml › steps.end: the scenario step "end" is in the source and not here: the scenario graph must match the source',
      'fr/courses/c/scenarios/story.yml › steps.fin: the scenario step "fin" is not in the source: the scenario graph must match the source',
      'fr/courses/c/scenarios/story.yml › steps.begin.choices[0].next: "fin" here and "end" in the source: the scenario graph must match the source',
    ]);
  });

  it("fails a lesson whose front-matter links or story directives differ from the source", () => {
    const fr = { ...FR, "courses/c/lessons/01-one.md": LESSON_FR.replace("quiz: one", "quiz: deux").replace("{ideology=none}", "{ideology=far-right}") };
    expect(messagesOf(tree({ fr }))).toEqual([
      'fr/courses/c/lessons/01-one.md › quiz: "deux" here and "one" in the source: this field is not translated',
      expect.stringMatching(/^fr\/courses\/c\/lessons\/01-one\.md › body: the directives differ from the source/),
    ]);
  });

  it("fails a file that has no English source", () => {
    const fr = { ...FR, "courses/c/quizzes/other.yml": QUIZ_FR };
    expect(messagesOf(tree({ fr }))).toEqual([expect.stringMatching(/^fr\/courses\/c\/quizzes\/other\.yml: content\/en\/courses\/c\/quizzes\/other\.yml does not exist/)]);
  });
});

describe("a translated school text's reading level", () => {
  const school = (learnerText: string) => ({ kind: "school", lessons: [{ id: "s1", learnerText, contentWarning: "", optOut: "" }] });
  const EN_TEXT = "Some posts try to make you angry. Stop before you share. Ask who made it. Talk to an adult you trust.";
  const problems = (text: string, locale: string) => {
    const out: string[] = [];
    compareSchoolReading(school(EN_TEXT), school(text), locale, (field, message) => out.push(`${field}: ${message}`));
    return out;
  };

  it("passes a translation with the English's short sentences, in French and in Arabic", () => {
    expect(problems("Certains messages cherchent à te mettre en colère. Arrête-toi avant de partager. Demande qui l'a fait. Parles-en à un adulte de confiance.", "fr")).toEqual([]);
    expect(problems("بعض المنشورات تحاول أن تغضبك. توقّف قبل أن تشارك. اسأل من صنعها. تحدّث إلى شخص بالغ تثق به.", "ar")).toEqual([]);
  });

  it("fails a translation that joins the English's sentences into one long one", () => {
    const joined = "Certains messages cherchent à te mettre en colère, alors arrête-toi avant de partager, demande-toi qui l'a fait et parles-en à un adulte de confiance.";
    expect(problems(joined, "fr")).toEqual(["lessons[0].learnerText: 1 sentences where the English has 4: keep the English's short sentences (split, do not join)"]);
  });

  it("fails sentences longer than the language usually makes them, with Arabic held to its shorter length", () => {
    // As many sentences as the English, each padded: 10 words a sentence against the English's 5.3 (21 words, 4 sentences); Arabic's limit is 5.3 x 0.85 x 1.25.
    const long = "بعض المنشورات على الإنترنت تحاول دائما أن تجعلك غاضبا جدا جدا. توقّف قليلا وفكّر جيدا قبل أن تشارك أي شيء. اسأل نفسك دائما من صنع هذا المنشور ولماذا صنعه. تحدّث إلى شخص بالغ تثق به في البيت أو في المدرسة.";
    expect(problems(long, "ar")).toEqual(["lessons[0].learnerText: 10 words a sentence, above 5.6 (the English's 5.3 at this language's usual length): use shorter sentences"]);
  });

  it("leaves tracks that are not school tracks alone", () => {
    const out: string[] = [];
    compareSchoolReading({ kind: "workshop", lessons: [] }, { kind: "workshop", lessons: [] }, "fr", (f, m) => out.push(m));
    expect(out).toEqual([]);
  });
});

describe("ICU arguments", () => {
  it("reads plain, typed and nested placeholders, and quoted braces as text", () => {
    const args = icuArguments("Hi {name}, {count, plural, =0 {none} one {# by {author}} other {#}} on {day, date, short}; '{not}' it''s");
    expect([...args].map(([k, v]) => [k, v.type, v.selectors])).toEqual([
      ["name", "string", []],
      ["author", "string", []],
      ["count", "plural", ["=0", "one", "other"]],
      ["day", "date", []],
    ]);
  });

  it("names what a translation changed", () => {
    expect(compareIcu("{n, plural, one {#} other {#}}", "{n, plural, one {#} other {#}}", "fr").errors).toEqual([]);
    expect(compareIcu("{n, plural, one {#} other {#}}", "{n, plural, one {#}}", "fr").errors).toEqual(['the plural {n} needs an "other" form']);
    expect(compareIcu("{n, plural, one {#} other {#}}", "{n}", "fr").errors).toEqual(["{n} is a string here and a plural in the source"]);
    expect(compareIcu("{k, select, a {A} other {B}}", "{k, select, other {B}}", "fr").errors).toEqual(["the select {k} lacks the case a"]);
    expect(compareIcu("{n}", "{n", "fr").errors).toEqual([expect.stringMatching(/^not a valid message/)]);
    // Arabic has six plural forms; a message that leaves some to "other" is a warning, not an error.
    expect(compareIcu("{n, plural, one {#} other {#}}", "{n, plural, one {#} other {#}}", "ar")).toEqual({ errors: [], warnings: ['the plural {n} leaves zero, two, few, many to "other"'] });
  });
});
