// The bias-check pair rules on their own: word-level difference, the words that give a pair away,
// and the fair-pair check, each with cases worked out by hand.
import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/quiz/types";
import { PAIR_RULES, SWAP_MENTIONS, checkPairVersions, storyWords, swapMention, wordChange } from "./pair-rules";

describe("storyWords", () => {
  it("lower-cases, drops punctuation and keeps hyphenated and apostrophe words whole", () => {
    expect(storyWords('Dan shares a far-right video: "He has a point!" Don\'t panic.')).toEqual(["dan", "shares", "a", "far-right", "video", "he", "has", "a", "point", "don't", "panic"]);
  });
});

describe("wordChange", () => {
  it.each([
    // One word for one word: 1 + 1 of 10 words.
    ["Sam goes to the mosque", "Sam goes to the church", 2, 10, 0.2],
    // One word for two: "mosque" out, "chess club" in: 3 of 11.
    ["Sam goes to the mosque", "Sam goes to the chess club", 3, 11, 3 / 11],
    // Nothing in common.
    ["red green", "blue yellow", 4, 4, 1],
    // The same words in another order: the common subsequence is "b c" or similar.
    ["a b c", "c b a", 4, 6, 4 / 6],
    ["Same words.", "same   WORDS", 0, 4, 0],
    ["", "", 0, 0, 0],
  ])("%j vs %j: %i of %i words differ", (a, b, changed, total, share) => {
    expect(wordChange(a, b)).toEqual({ changed, total, share });
  });

  it("is symmetric", () => {
    const a = "Jordan, 16, has started going to the mosque every Friday and eats lunch alone.";
    const b = "Jordan, 16, has started going to a chess club every Friday and eats lunch alone.";
    expect(wordChange(a, b)).toEqual(wordChange(b, a));
  });
});

describe("swapMention", () => {
  it.each([
    ["Use the swap test: would your answer be different?", "swap"],
    ["Swapping the faith makes no difference.", "Swapping"],
    ["This is a bias check.", "bias"],
    ["Unbiased? No: biased answers fail.", "Unbiased"],
    ["In the other version, Sam goes to church.", "version"],
    ["Only the place of worship is different.", "Only the"],
    ["The religion changed nothing.", "changed"],
    ["This story differs only in background.", "differs only"],
    ["It is the same story as before.", "same story"],
    ["If Sam had been a Christian, would you report?", "If Sam had been"],
    ["The same behaviour gets the same answer whatever the person's background.", "whatever the person's background"],
  ])("finds the giveaway in %j", (text, found) => {
    expect(swapMention(text)?.found).toBe(found);
  });

  it.each([
    "Correct. Pulling away from friends is one weaker sign with many ordinary explanations.",
    "Not yet. If that changes, call the emergency number first.",
    "Seek advice if the posts become threats.",
    "Religion, and becoming more religious, are never warning signs.",
  ])("lets ordinary feedback through: %j", (text) => {
    expect(swapMention(text)).toBeUndefined();
  });

  it("gives every pattern a reason", () => {
    for (const rule of SWAP_MENTIONS) expect(rule.why.length).toBeGreaterThan(5);
  });
});

describe("checkPairVersions", () => {
  const a: Question = {
    id: "fridays-mosque",
    type: "scenario",
    skill: "recognising",
    vignette: "Jordan, 16, has started going to the mosque every Friday. Jordan has also stopped eating lunch with old friends. Nobody has noticed anything else.",
    prompt: "Which response fits best?",
    options: [
      { id: "a", text: "No concern", feedback: "Not quite." },
      { id: "b", text: "Talk and keep an eye", feedback: "Correct." },
    ],
    correct: ["b"],
    explanation: "One weaker sign calls for a kind word.",
  };
  const b: Question = { ...a, id: "fridays-chess", vignette: a.vignette!.replace("the mosque", "a chess club") };

  it("accepts two versions that differ by one small edit of the story", () => {
    expect(checkPairVersions(a, b)).toEqual([]);
    expect(wordChange(`${a.vignette}\n${a.prompt}`, `${b.vignette}\n${b.prompt}`).share).toBeLessThan(PAIR_RULES.maxWordChange);
  });

  it("refuses one question paired with itself", () => {
    expect(checkPairVersions(a, a)).toEqual(['the two versions must be two different questions (both are "fridays-mosque")']);
  });

  it("finds a change just over the limit, and accepts one just under", () => {
    // 20 + 20 words; replacing k words by k others changes 2k of 40.
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    const story = (k: number) => [...words.slice(0, 20 - k), ...Array.from({ length: k }, (_, i) => `x${i}`)].join(" ");
    const base = { ...a, vignette: words.join(" "), prompt: "" };
    expect(checkPairVersions(base, { ...base, id: "five", vignette: story(5) })).toEqual([]); // 10 of 40 = 25 %
    expect(checkPairVersions(base, { ...base, id: "six", vignette: story(6) })).toEqual([
      '"fridays-mosque" and "six": the stories differ in 30 % of their words (12 of 40; at most 25 %): change the identity feature, keep every other word',
    ]);
  });

  it("reports a giveaway in shared feedback once, and in a version's own words under that version", () => {
    const fb = (q: Question, feedback: string): Question => ({ ...q, options: [q.options[0], { ...q.options[1], feedback }] });
    const shared = checkPairVersions(fb(a, "Correct: the swap test."), fb(b, "Correct: the swap test."));
    expect(shared.filter((m) => m.includes("swap"))).toHaveLength(1);
    const own = checkPairVersions(a, { ...b, explanation: "The other version is the same." });
    expect(own).toContain('"fridays-chess" explanation: "version" refers to a version of the story; a learner sees one version, so its words never mention the check or another version');
  });
});

describe("swapMention in other course languages", () => {
  it.each([
    ["fr", "Ce test de biais compte.", "biais"],
    ["fr", "Dans l'autre version, Sam va au club.", "version"],
    ["es", "Solo el nombre ha cambiado.", "Solo el"],
    ["es", "Es la misma historia.", "misma historia"],
    ["ar", "هذه نسخة أخرى من القصة.", "نسخة"],
    ["ar", "لاحظ التحيز هنا.", "التحيز"],
  ])("%s: finds %j", (locale, text, found) => {
    expect(swapMention(text, locale)?.found).toBe(found);
  });

  it("applies a locale's words to that locale only, and English words everywhere", () => {
    expect(swapMention("Un test de biais.", "es")).toBeUndefined();
    expect(swapMention("Un test de biais.")).toBeUndefined();
    expect(swapMention("Without the swap.", "fr")?.found).toBe("swap");
  });

  it.each([
    ["fr", "Il partage une rumeur sans la vérifier : vérifiez d'abord."],
    ["es", "Comparte un rumor sin comprobarlo: compruebe primero."],
    ["ar", "يشارك شائعة دون التحقق منها: تحقق أولا."],
  ])("%s: accepts ordinary feedback %j", (locale, text) => {
    expect(swapMention(text, locale)).toBeUndefined();
  });
});
