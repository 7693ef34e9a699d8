import { describe, expect, it } from "vitest";
import { keepClockTimes } from "@/components/lesson/clock-times";
import { nestHeadings, trackMarkdown } from "./markdown";

describe("keepClockTimes", () => {
  it("escapes the colon of a clock time so the directive parser leaves it alone", () => {
    expect(keepClockTimes("**0:00 to 1:00 - Welcome.**")).toBe("**0\\:00 to 1\\:00 - Welcome.**");
    expect(keepClockTimes("from 10:30")).toBe("from 10\\:30");
  });
  it("leaves directives, ratios written with spaces and other colons alone", () => {
    const text = ":::scenario\nSay: hello\n:::\n\nA 3 : 1 split.";
    expect(keepClockTimes(text)).toBe(text);
  });
});

describe("nestHeadings", () => {
  it("moves the highest heading to the given level and the others with it", () => {
    expect(nestHeadings("## A\n\ntext\n\n### B", 4)).toBe("#### A\n\ntext\n\n##### B");
  });
  it("never goes past h6 and never raises a heading", () => {
    expect(nestHeadings("# A\n###### B", 4)).toBe("#### A\n###### B");
    expect(nestHeadings("#### A", 3)).toBe("#### A");
  });
  it("leaves text without headings, hashtags and fenced code alone", () => {
    expect(nestHeadings("No heading #here", 4)).toBe("No heading #here");
    expect(nestHeadings("```\n# code\n```\n## Real", 4)).toBe("```\n# code\n```\n#### Real");
  });
});

describe("trackMarkdown", () => {
  it("nests headings and leaves clock times to LessonBody", () => expect(trackMarkdown("## At 0:05", 3)).toBe("### At 0:05"));
});
