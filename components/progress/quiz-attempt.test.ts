import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ATTEMPT_MAX_AGE_MS, ATTEMPTS_KEY, clearAttempts, endAttempt, parseAttempts, resumeAttempt, startAttempt } from "./quiz-attempt";

const NOW = Date.UTC(2026, 11, 7, 3, 0, 0);
const ID = "3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c";

describe("parseAttempts", () => {
  it.each([
    { name: "nothing stored", raw: null },
    { name: "not JSON", raw: "{oops" },
    { name: "a JSON array", raw: "[]" },
    { name: "an id that is not a UUID", raw: JSON.stringify({ "en/c/l": { id: "1 or 1=1", startedAt: NOW } }) },
    { name: "no start time", raw: JSON.stringify({ "en/c/l": { id: ID } }) },
    { name: "an attempt left for over a day", raw: JSON.stringify({ "en/c/l": { id: ID, startedAt: NOW - ATTEMPT_MAX_AGE_MS - 1 } }) },
    { name: "an attempt started in the future", raw: JSON.stringify({ "en/c/l": { id: ID, startedAt: NOW + 60_000 } }) },
  ])("keeps nothing from $name", ({ raw }) => {
    expect(parseAttempts(raw, NOW)).toEqual({});
  });

  it("keeps a well-formed attempt under a day old", () => {
    const raw = JSON.stringify({ "en/c/l": { id: ID, startedAt: NOW - ATTEMPT_MAX_AGE_MS, extra: 1 }, "en/c/m": null });
    expect(parseAttempts(raw, NOW)).toEqual({ "en/c/l": { id: ID, startedAt: NOW - ATTEMPT_MAX_AGE_MS } });
  });
});

describe("the attempt under way", () => {
  const store = new Map<string, string>();
  const g = globalThis as unknown as { window?: unknown };
  beforeEach(() => {
    store.clear();
    g.window = {
      localStorage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
        removeItem: (k: string) => void store.delete(k),
      },
    };
  });
  afterEach(() => {
    delete g.window;
  });

  it("is the same across reloads until it ends, then a new one starts", () => {
    const first = resumeAttempt("en/c/l");
    expect(resumeAttempt("en/c/l")).toBe(first);
    expect(JSON.parse(store.get(ATTEMPTS_KEY)!)["en/c/l"].id).toBe(first);
    endAttempt("en/c/l");
    const second = resumeAttempt("en/c/l");
    expect(second).not.toBe(first);
  });

  it("is new on a retry, and kept apart for each activity", () => {
    const lesson = resumeAttempt("en/c/l");
    const pre = resumeAttempt("en/c/assessment-pre");
    expect(pre).not.toBe(lesson);
    const retry = startAttempt("en/c/l");
    expect(retry).not.toBe(lesson);
    expect(resumeAttempt("en/c/l")).toBe(retry);
    expect(resumeAttempt("en/c/assessment-pre")).toBe(pre);
  });

  it("is forgotten at sign-out", () => {
    const before = resumeAttempt("en/c/l");
    clearAttempts();
    expect(store.has(ATTEMPTS_KEY)).toBe(false);
    expect(resumeAttempt("en/c/l")).not.toBe(before);
  });

  it("stays stable for the page when storage is blocked", () => {
    g.window = {
      localStorage: {
        getItem: () => {
          throw new Error("blocked");
        },
        setItem: () => {
          throw new Error("blocked");
        },
        removeItem: () => {
          throw new Error("blocked");
        },
      },
    };
    const id = resumeAttempt("en/c/l");
    expect(resumeAttempt("en/c/l")).toBe(id);
  });
});
