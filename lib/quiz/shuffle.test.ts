import { describe, expect, it } from "vitest";
import { drawBelow, hmacSha256, optionOrder, sha256, shuffleOptions, shuffleQuiz, wordsToBytes } from "./shuffle";
import type { Question, Quiz } from "./types";

const hex = (words: Uint32Array) => [...wordsToBytes(words)].map((b) => b.toString(16).padStart(2, "0")).join("");
const bytes = (s: string) => new TextEncoder().encode(s);
const opts = (n: number, pinned: number[] = []) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, ...(pinned.includes(i) ? { pinLast: true } : {}) }));
const question = (type: Question["type"], n = 4): Question => ({
  id: "q1",
  type,
  skill: "recognising",
  prompt: "?",
  options: Array.from({ length: n }, (_, i) => ({ id: `o${i}`, text: `option ${i}`, feedback: `why ${i}` })),
  correct: ["o1"],
  explanation: "because",
});
const seeds = (n: number) => Array.from({ length: n }, (_, i) => `attempt-${i}`);

// Digests from node:crypto (lib/quiz may not import it), plus FIPS 180-2's "abc" and RFC 4231's case 2.
describe("sha256 and hmacSha256", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "one block"],
    ["x".repeat(55), "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072", "the longest one-block message"],
    ["x".repeat(56), "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e", "length spills into a second block"],
    ["é✓ the quick brown fox ".repeat(9), "f47d362977e17f7de14daa63320fee0e1852d454bfc32bcef3e5a819412c4a94", "several blocks, multi-byte text"],
  ])("hashes %j to the reference digest (%s)", (text, digest) => {
    expect(hex(sha256(bytes(text)))).toBe(digest);
  });

  it.each([
    ["Jefe", "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"],
    ["seed", "q1\u00000", "b0ae10ebaa0d87f2acb6637691ecc42c83a403a8075d86920c8448d4bf8abe15"],
    ["", "empty key", "bf6e6a0f34cd9fdf69c67b8c62969c87cd4f783d4665217df03f062dc4a0406e"],
    ["k".repeat(64), "key of one block", "f11f63274361369267a2dbfb956d960415c6c7d22a039310ba8fd60ecd86fa54"],
    ["k".repeat(100), "key longer than a block is hashed first", "6db77860289971725bc0204fc26c10abf16b4bfa02bf1fb0f81d8505820d847e"],
  ])("keys with %j to the reference HMAC", (key, message, mac) => {
    expect(hex(hmacSha256(bytes(key), bytes(message)))).toBe(mac);
  });
});

describe("drawBelow", () => {
  const stream = (words: number[]) => {
    let i = 0;
    return () => words[i++];
  };

  it("throws away words at or above the largest multiple of n, so no remainder is favoured", () => {
    // 2^32 = 3 * 1431655765 + 1: the single word 0xffffffff would favour remainder 0.
    const next = stream([0xffffffff, 7]);
    expect(drawBelow(next, 3)).toBe(1);
    expect(drawBelow(stream([0xfffffffe]), 3)).toBe(0xfffffffe % 3);
  });

  it.each([
    [1, [123], 0],
    [2, [0xffffffff], 1],
    [5, [0xffffffff, 12], 2],
    [6, [0xfffffffc, 9], 3],
  ])("below %i, from %j, gives %i", (n, words, want) => {
    expect(drawBelow(stream(words), n)).toBe(want);
  });

  it("refuses a range that is empty or not whole", () => {
    expect(() => drawBelow(stream([1]), 0)).toThrow(RangeError);
    expect(() => drawBelow(stream([1]), 2.5)).toThrow(RangeError);
  });
});

describe("optionOrder", () => {
  it("is the same for the same seed and question, every time", () => {
    for (const seed of seeds(50)) expect(optionOrder(opts(5), seed, "q1")).toEqual(optionOrder(opts(5), seed, "q1"));
  });

  it("is a permutation: nothing lost, nothing twice", () => {
    for (const n of [1, 2, 3, 4, 7, 12]) {
      for (const seed of seeds(40)) expect([...optionOrder(opts(n), seed, "q")].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
    }
  });

  it("differs between seeds and between the questions of one attempt", () => {
    const bySeed = new Set(seeds(30).map((s) => optionOrder(opts(5), s, "q1").join()));
    expect(bySeed.size).toBeGreaterThan(20); // 120 orders; 30 seeds rarely collide much
    const byQuestion = new Set(["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"].map((q) => optionOrder(opts(5), "one-attempt", q).join()));
    expect(byQuestion.size).toBeGreaterThan(5);
  });

  it("keeps pinned options last, in authored order, and shuffles the rest", () => {
    const seen = new Set<string>();
    for (const seed of seeds(200)) {
      const order = optionOrder(opts(6, [2, 4]), seed, "q1");
      expect(order.slice(-2)).toEqual([2, 4]);
      seen.add(order.slice(0, 4).join());
    }
    expect(seen.size).toBe(24); // every order of the four free options turns up
  });

  // Chi-square over every order, with seeds fixed so the test cannot flake: it either passes
  // for good or shows a real bias. Critical values at p = 0.001. A naive shuffle (swap with any
  // place) gives 3 options 27 equally likely paths onto 6 orders and fails this at once.
  it.each([
    [3, 6000, 20.52],
    [4, 24000, 49.73],
  ])("gives every order of %i options equally often over %i seeds (chi-square below %d)", (n, runs, critical) => {
    const counts = new Map<string, number>();
    for (const seed of seeds(runs)) {
      const key = optionOrder(opts(n), seed, "q1").join();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const orders = n === 3 ? 6 : 24;
    expect(counts.size).toBe(orders);
    const expected = runs / orders;
    const chi = [...counts.values()].reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(critical);
  });

  it("puts each of 5 options in each place within 10 % of a fifth of the time over 10 000 seeds", () => {
    const runs = 10_000;
    const at = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
    for (const seed of seeds(runs)) optionOrder(opts(5), seed, "q1").forEach((option, place) => at[option][place]++);
    // One cell is binomial(10 000, 0.2): sd 40, so +-200 is five standard deviations.
    for (const row of at) for (const c of row) expect(Math.abs(c - runs / 5)).toBeLessThan(200);
  });
});

describe("shuffleOptions", () => {
  it.each(["single", "multiple", "scenario", "discern"] as const)("reorders a %s question's options and keeps each option whole", (type) => {
    const q = question(type, 5);
    const orders = new Set(seeds(20).map((s) => shuffleOptions(q, s).options.map((o) => o.id).join()));
    expect(orders.size).toBeGreaterThan(1);
    const shown = shuffleOptions(q, "attempt-1");
    expect(shown.options.map((o) => o.id)).toEqual(optionOrder(q.options, "attempt-1", q.id).map((i) => q.options[i].id));
    for (const o of shown.options) expect(o).toBe(q.options.find((x) => x.id === o.id));
    expect({ ...shown, options: q.options }).toEqual(q);
  });

  it.each(["true-false", "sort"] as const)("leaves a %s question in authored order", (type) => {
    const q = question(type, 4);
    for (const seed of seeds(20)) expect(shuffleOptions(q, seed)).toBe(q);
  });

  it("does not change the question it was given", () => {
    const q = question("single", 4);
    const before = q.options.map((o) => o.id);
    shuffleOptions(q, "attempt-3");
    expect(q.options.map((o) => o.id)).toEqual(before);
  });
});

describe("shuffleQuiz", () => {
  it("shuffles every question with the same seed, so the review shows the order the learner saw", () => {
    const quiz: Quiz = { id: "z", title: "Z", passMark: 0.7, questions: [question("single"), { ...question("multiple"), id: "q2" }] };
    const shown = shuffleQuiz(quiz, "attempt-7");
    expect(shown.questions).toEqual(quiz.questions.map((q) => shuffleOptions(q, "attempt-7")));
    expect(shuffleQuiz(quiz, "attempt-7")).toEqual(shown);
    expect(quiz.questions[0].options.map((o) => o.id)).toEqual(["o0", "o1", "o2", "o3"]);
  });
});
