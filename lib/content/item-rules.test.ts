// The item rules on a made-up course: each rule fails on a bank built to break it, naming the
// file and the items, and holds on a balanced one.
import { describe, expect, it } from "vitest";
import type { Question, Quiz } from "@/lib/quiz/types";
import { checkItemRules, cueAccuracy } from "./item-rules";
import { asShown } from "./pair-rules";
import type { LocaleContent } from "./load";

const single = (id: string, texts: string[], key: number): Question => ({
  id,
  type: "single",
  skill: "recognising",
  prompt: id,
  options: texts.map((text, i) => ({ id: `o${i}`, text, feedback: "" })),
  correct: [`o${key}`],
  explanation: "",
});
const tf = (id: string, answer: boolean): Question => ({ ...single(id, ["", ""], 0), type: "true-false", options: [{ id: "true", text: "", feedback: "" }, { id: "false", text: "", feedback: "" }], correct: [String(answer)] });
const post = (id: string, text: string) => ({ id, text, feedback: "" });
const discern = (id: string, posts: { id: string; text: string; feedback: string }[], manipulative: string[]): Question => ({ ...single(id, ["", ""], 0), type: "discern", options: posts, correct: manipulative });

function bank(quizzes: Record<string, Question[]>): LocaleContent {
  const map = new Map<string, Quiz>(Object.entries(quizzes).map(([id, questions]) => [`c/${id}`, { id, title: id, passMark: 0.7, questions }]));
  return { locale: "en", courses: [{ id: "c" }], quizzes: map, forms: new Map(), boosters: new Map() } as unknown as LocaleContent;
}

// Four options, keys at positions 1-4 in turn, the key never the longest.
const balanced = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => {
    const texts = ["a long wrong answer here", "another long wrong one", "the longest wrong answer of all", "wrong"];
    texts[i % 4] = "right one";
    return single(`${prefix}${i}`, texts, i % 4);
  });

describe("checkItemRules", () => {
  it("judges no share from a handful of items, but always each quiz's score", () => {
    const few = checkItemRules([bank({ one: [single("a", ["no", "the long right answer"], 1), tf("t", false)] })]).problems.map((p) => p.message);
    expect(few.some((m) => m.includes("keys are option") || m.includes("single longest") || m.includes("true/false keys"))).toBe(false);
    expect(few.some((m) => m.includes("a learner who knows nothing scores 1.00"))).toBe(true);
  });

  it("holds on a balanced bank and reports each quiz's best knowledge-free score", () => {
    const r = checkItemRules([bank({ one: [...balanced(4, "a"), tf("t1", true), tf("t2", false)], two: [...balanced(4, "b"), tf("t3", true), tf("t4", false)] })]);
    expect(r.problems).toEqual([]);
    expect(r.testWise["en/c/quiz one"].score).toBeLessThanOrEqual(0.5);
  });

  it("names the items when one position holds too many keys, and an unused position", () => {
    // Ten items (shares are judged from ten up), every key at option 2.
    const lopsided = Array.from({ length: 10 }, (_, i) => single(`k${i}`, ["short", "right answer", "a wrong one", "nope"], 1));
    const messages = checkItemRules([bank({ one: lopsided })]).problems.map((p) => `${p.file} ${p.message}`);
    expect(messages.some((m) => m.includes("100 % of single-answer and scenario keys are option 2") && m.includes("quizzes/one.yml › k0"))).toBe(true);
    expect(messages.some((m) => m.includes("no key is option 1"))).toBe(true);
  });

  it("fails a bank whose key is the longest option, whose true/false lean false, or a quiz passable by rules", () => {
    const longest = Array.from({ length: 12 }, (_, i) => {
      const texts = ["no", "nope", "nah", "wrong"];
      texts[i % 4] = "the long and careful right answer";
      return single(`l${i}`, texts, i % 4);
    });
    const falses = Array.from({ length: 6 }, (_, i) => tf(`t${i}`, false));
    const problems = checkItemRules([bank({ one: [...longest, ...falses] })]).problems;
    const text = problems.map((p) => `${p.file}: ${p.message}`).join("\n");
    expect(text).toContain("the key is the single longest option in 100 %");
    expect(text).toContain('0 % of true/false keys are "true"');
    expect(text).toContain("en/courses/c/quizzes/one.yml: a learner who knows nothing scores 1.00");
  });
});

describe("bias-check pairs in the item rules", () => {
  // Two versions keyed at option 1 and one other item: judged as shown, one learner sees two items.
  // Neither key is the longest or the shortest option, and they sit at different positions.
  const v1 = single("v1", ["mid answer", "short", "the longest wrong answer"], 0);
  const v2 = { ...v1, id: "v2" };
  const other = single("o", ["short", "mid answer", "the longest wrong answer"], 1);
  const quiz: Quiz = { id: "p", title: "p", passMark: 0.7, questions: [v1, v2, other], biasPairs: [{ id: "pair", feature: "name", versions: ["v1", "v2"] }] };

  it("asShown keeps one version of each pair, and the pairs", () => {
    expect(asShown(quiz).questions.map((q) => q.id)).toEqual(["v1", "o"]);
    expect(asShown(quiz).biasPairs).toEqual(quiz.biasPairs);
    const unpaired = { ...quiz, biasPairs: [] };
    expect(asShown(unpaired)).toBe(unpaired);
  });

  it("scores a quiz as shown: a pair counts once", () => {
    const content = { locale: "en", courses: [{ id: "c" }], quizzes: new Map([["c/p", quiz]]), forms: new Map(), boosters: new Map() } as unknown as LocaleContent;
    // Always option 1 gets the pair right and the other item wrong: 1 of 2 shown (0.5), not 2 of 3.
    expect(checkItemRules([content]).testWise["en/c/quiz p"].score).toBe(0.5);
  });
});

describe("cueAccuracy", () => {
  it("sorts posts written with surface cues, and not posts written without", () => {
    const cued = discern("d", [post("m1", "SHARE NOW!!!"), post("m2", "They lie! Share!"), post("g1", "The council's official account: the library is closed today."), post("g2", "Official: roads reopen at noon as planned.")], ["m1", "m2"]);
    expect(cueAccuracy([cued]).accuracy).toBe(1);
    const calm = discern("e", [
      post("m1", "A friend of a friend who works at the hospital says they are hiding the real numbers from us."),
      post("m2", "Police confirm the road is closed."),
      post("g1", "Please, please check on your neighbours tonight, the storm is bad and the power is out across town."),
      post("g2", "Council update: bins collected Thursday."),
    ], ["m1", "m2"]);
    expect(cueAccuracy([calm]).accuracy).toBeLessThanOrEqual(0.5);
  });
});
