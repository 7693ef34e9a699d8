import { describe, expect, it } from "vitest";
import { formatActivityId, progressKey, type ProgressActivity } from "@/lib/content/activity-id";
import { lessonKey } from "./lesson-key";

describe("lessonKey", () => {
  // The runners key progress by the stored id they were given; sync and offers key it by ref.
  it.each<ProgressActivity>([
    { kind: "lesson", course: "c", lesson: "l" },
    { kind: "check", course: "c", slot: "pre" },
    { kind: "booster", course: "c", booster: "week-1" },
  ])("spells the key of %o as progressKey does", (ref) => {
    expect(lessonKey("en", ref.course, formatActivityId(ref))).toBe(progressKey("en", ref));
  });
});
