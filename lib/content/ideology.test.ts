import { describe, expect, it } from "vitest";
import { checkIdeologyMix, describeMix, lessonStoryTags, overShare, type StoryIdeology, type StoryTag } from "./ideology";

const stories = (...tags: StoryIdeology[]): StoryTag[] => tags.map((ideology, i) => ({ file: "f.yml", id: `s${i}`, ideology }));

describe("the ideology balance of a course's concerning stories", () => {
  it.each([
    { name: "five ideologies, one each", tags: ["far-right", "jihadist", "misogynist", "anti-government", "school-attack"], over: [] },
    { name: "two of five is exactly 40 %", tags: ["far-right", "far-right", "jihadist", "misogynist", "mixed"], over: [] },
    { name: "three of seven is 43 %", tags: ["jihadist", "jihadist", "jihadist", "far-right", "misogynist", "mixed", "school-attack"], over: ["jihadist"] },
    { name: "benign stories do not count", tags: ["mixed", "far-right", "none", "none", "none", "none"], over: ["mixed", "far-right"] },
    { name: "one ideology alone", tags: ["mixed"], over: ["mixed"] },
    { name: "no concerning story at all", tags: ["none", "none"], over: [] },
  ] as { name: string; tags: StoryIdeology[]; over: string[] }[])("$name", ({ tags, over }) => {
    const messages = overShare(stories(...tags), "stories");
    expect(messages.map((m) => /^"([a-z-]+)"/.exec(m)?.[1])).toEqual(over);
  });

  it("names the counts and the whole mix", () => {
    expect(checkIdeologyMix(stories("jihadist", "jihadist", "jihadist", "far-right", "none"), "en/courses/c/course.yml")).toEqual([
      {
        file: "en/courses/c/course.yml",
        field: "ideology",
        message: '"jihadist" is 3 of the 4 concerning stories of the course (75 %); no ideology may be more than 40 % (all: jihadist 3, far-right 1)',
      },
    ]);
  });

  it("reports counts and shares without the benign stories", () => {
    expect(describeMix(stories("far-right", "jihadist", "jihadist", "none"))).toEqual({ total: 3, counts: { "far-right": 1, jihadist: 2 }, shares: { "far-right": 0.33, jihadist: 0.67 } });
  });
});

describe("the tags of a lesson's story passages", () => {
  it.each([
    { body: ":::scenario{ideology=far-right}\nA story\n:::", tags: ["far-right"], problems: [] },
    { body: ':::scenario{ideology="none"}\nA\n:::\n\n:::scenario{ideology=misogynist}\nB\n:::', tags: ["none", "misogynist"], problems: [] },
    { body: ":::scenario\nA story\n:::", tags: [], problems: [/line 1: name the story's ideology/] },
    { body: "Text\n:::scenario{ideology=religious}\nA\n:::", tags: [], problems: [/line 2: unknown ideology "religious"/] },
    { body: "No story here.", tags: [], problems: [] },
  ])("$body", ({ body, tags, problems }) => {
    const out = lessonStoryTags(body);
    expect(out.tags.map((t) => t.ideology)).toEqual(tags);
    expect(out.problems).toHaveLength(problems.length);
    problems.forEach((p, i) => expect(out.problems[i]).toMatch(p));
  });
});
