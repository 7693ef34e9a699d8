import { describe, expect, it } from "vitest";
import { parseProgress } from "./guest-progress";

describe("parseProgress", () => {
  it.each([
    { name: "nothing stored", raw: null },
    { name: "not JSON", raw: "{oops" },
    { name: "another version", raw: JSON.stringify({ version: 2, lessons: { "en/c/l": { attempts: 1 } } }) },
    { name: "a JSON array", raw: "[]" },
  ])("starts empty from $name", ({ raw }) => {
    expect(parseProgress(raw)).toEqual({ version: 1, lessons: {} });
  });

  it("keeps well-formed entries and drops or clamps damaged ones", () => {
    const raw = JSON.stringify({
      version: 1,
      lessons: {
        "en/course/lesson": { doneAt: "2026-11-28T10:00:00.000Z", bestPercent: 80, lastPercent: 60.7, attempts: 2 },
        "en/course/odd": { bestPercent: 180, attempts: -3 },
        "not a key": { attempts: 1 },
        "en/course/null": null,
      },
      last: { href: "https://evil.example/", title: "x", at: "now" },
    });
    expect(parseProgress(raw)).toEqual({
      version: 1,
      lessons: {
        "en/course/lesson": { doneAt: "2026-11-28T10:00:00.000Z", bestPercent: 80, lastPercent: 60, attempts: 2 },
        "en/course/odd": { doneAt: undefined, bestPercent: undefined, lastPercent: undefined, attempts: 0 },
      },
      last: undefined,
    });
  });

  it.each(["//evil.example/x", "/\\evil.example", "javascript:alert(1)"])("drops an off-site 'continue' link %s", (href) => {
    expect(parseProgress(JSON.stringify({ version: 1, lessons: {}, last: { href, title: "x", at: "t" } })).last).toBeUndefined();
  });

  it("keeps a same-site 'continue' link", () => {
    const raw = JSON.stringify({ version: 1, lessons: {}, last: { href: "/en/courses/c/l", title: "L", at: "t" } });
    expect(parseProgress(raw).last).toEqual({ href: "/en/courses/c/l", title: "L", at: "t" });
  });
});
