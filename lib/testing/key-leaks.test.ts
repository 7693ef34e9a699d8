// The leak finder that e2e/keys.spec.ts runs on every built assessment and booster page: it finds
// a key however the page escapes it, and finds nothing in the public view.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { toPublicQuiz } from "@/lib/quiz/public";
import type { Quiz } from "@/lib/quiz/types";
import { keyLeaks, plainRun } from "./key-leaks";

const { content } = loadContent(path.join(__dirname, "..", "..", "content"));
const en = content.find((c) => c.locale === "en")!;
const formA = [...en.forms.values()].find((f) => f.a)!.a!;
const formB = [...en.forms.values()].find((f) => f.b)!.b!;
const booster = [...en.boosters.values()][0];

// How a payload reaches a page: as JSON (the .rsc file) or as a JSON string inside a script
// (the flight data in the HTML), and the visible text HTML-escaped.
const asRsc = (data: unknown) => `1:["$","form",null,${JSON.stringify(data)}]`;
const inHtml = (data: unknown) => `<script>self.__next_f.push([1,${JSON.stringify(asRsc(data))}])</script>`;
const htmlEscaped = (s: string) => s.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

describe("plainRun", () => {
  it.each([
    ["It's their choice, and \"nobody\" minds.", "s their choice, and"],
    ["Stay calm, listen first and ask what happened.", "Stay calm, listen first and ask what happened."],
    ["", ""],
  ])("%j -> %j", (text, run) => expect(plainRun(text)).toBe(run));
});

describe.each([
  ["check form A", formA],
  ["check form B", formB],
  ["booster", booster as Quiz],
])("keyLeaks on the %s", (_name, quiz) => {
  it.each([
    ["RSC payload", asRsc],
    ["HTML flight data", inHtml],
  ])("finds the full quiz in the %s", (_where, wrap) => {
    const found = keyLeaks(wrap({ quiz }), quiz);
    expect(found).toContain('a key ("correct": [...])');
    expect(found).toContain('an "explanation" field');
    expect(found).toContain('a "feedback" field');
  });

  it("finds an explanation shown as HTML text", () => {
    const q = quiz.questions.find((x) => plainRun(x.explanation).length >= 24)!;
    expect(keyLeaks(`<p>${htmlEscaped(q.explanation)}</p>`, quiz).join()).toContain(`${q.id}: the explanation`);
  });

  it.each([
    ["RSC payload", asRsc],
    ["HTML flight data", inHtml],
  ])("finds nothing in the public view in the %s", (_where, wrap) => {
    // The runner's labels include the words "correct" and "technique": not a key.
    const labels = { correct: "Correct", technique: "technique: {technique}", why: "Why" };
    expect(keyLeaks(wrap({ quiz: toPublicQuiz(quiz), labels }), quiz)).toEqual([]);
  });
});

it("finds a post's technique", () => {
  const withTechnique = [...en.boosters.values(), formA, formB].find((q) => q.questions.some((x) => x.options.some((o) => o.technique)));
  if (!withTechnique) return;
  const t = withTechnique.questions.flatMap((x) => x.options).find((o) => o.technique)!.technique!;
  expect(keyLeaks(asRsc({ id: "p1", text: "A post", technique: t }), withTechnique)).toContain(`a post's technique ("${t}")`);
});

describe("the public view of every assessment and booster in the content", () => {
  const quizzes = content.flatMap((c) => [...[...c.forms.values()].flatMap((f) => [f.a, f.b].filter((q): q is Quiz => Boolean(q))), ...c.boosters.values()]);

  it("has some to check", () => expect(quizzes.length).toBeGreaterThan(2));

  it.each(quizzes.map((q) => [q.id, q] as const))("%s: no key, feedback or explanation", (_id, q) => {
    expect(keyLeaks(asRsc(toPublicQuiz(q)), q)).toEqual([]);
    expect(keyLeaks(inHtml(toPublicQuiz(q)), q)).toEqual([]);
  });
});
