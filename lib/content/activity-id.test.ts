import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ACTIVITY_ID_MAX,
  activityIri,
  activityKindOf,
  activityUrl,
  CHECK_ACTIVITY_IDS,
  formatActivityId,
  parentActivity,
  parseActivityId,
  parseProgressActivity,
  parseProgressKey,
  progressKey,
  type ActivityRef,
} from "./activity-id";
import { FORM_IDS } from "./check-forms";
import { loadContent } from "./load";

const course = "responding-well";

/** One ref of every kind, with the string it is stored as. */
const CASES: [ActivityRef, string][] = [
  [{ kind: "lesson", course, lesson: "behaviour-not-identity" }, "behaviour-not-identity"],
  [{ kind: "check", course, slot: "pre" }, "assessment-pre"],
  [{ kind: "check", course, slot: "post" }, "assessment-post"],
  [{ kind: "booster", course, booster: "week-1" }, "booster-week-1"],
  [{ kind: "question", course, quiz: { kind: "lesson", lesson: "behaviour-not-identity" }, question: "q1" }, "behaviour-not-identity/question/q1"],
  [{ kind: "question", course, quiz: { kind: "booster", booster: "week-1" }, question: "b-q2" }, "booster-week-1/question/b-q2"],
  [{ kind: "scenario-step", course, lesson: "a-way-back", scenario: "a-worrying-change", step: "start" }, "a-way-back/scenario/a-worrying-change/start"],
  [{ kind: "assessment-item", course, form: "a", question: "pre-chat-praise" }, "assessment-form-a/question/pre-chat-praise"],
  [{ kind: "assessment-item", course, form: "b", question: "post-comment-cheering" }, "assessment-form-b/question/post-comment-cheering"],
];

describe("activity ids", () => {
  it.each(CASES)("%o is stored as %s and reads back as itself", (ref, stored) => {
    expect(formatActivityId(ref)).toBe(stored);
    expect(parseActivityId(course, stored)).toEqual(ref);
    expect(activityKindOf(stored)).toBe(ref.kind);
  });

  it("keeps the spelling existing rows have for lessons, checks and boosters", () => {
    // quiz_attempts.lesson_id, lesson_completions.lesson_id and assignments.activity_id hold these.
    expect(CHECK_ACTIVITY_IDS).toEqual(["assessment-pre", "assessment-post"]);
    expect(parseProgressActivity(course, "assessment-post")).toEqual({ kind: "check", course, slot: "post" });
    expect(parseProgressActivity(course, "booster-week-4")).toEqual({ kind: "booster", course, booster: "week-4" });
    expect(parseProgressActivity(course, "spotting-signs")).toEqual({ kind: "lesson", course, lesson: "spotting-signs" });
  });

  it.each([
    ["an empty id", ""],
    ["a booster with no id", "booster-"],
    ["a check slot that does not exist", "assessment-mid"],
    ["a bare check prefix", "assessment-"],
    ["a form that does not exist", "assessment-form-c/question/q1"],
    ["a check form on its own", "assessment-form-a"],
    ["a question of a check slot (items belong to a form)", "assessment-pre/question/q1"],
    ["a scenario on a booster", "booster-week-1/scenario/s/start"],
    ["a question with no id", "lesson/question"],
    ["an unknown part", "lesson/answer/q1"],
    ["a path that goes on", "lesson/question/q1/more"],
    ["a parent directory", "../etc"],
    ["a traversal inside a path", "lesson/question/../../x"],
    ["an encoded traversal", "%2e%2e/question/x"],
    ["a leading slash", "/lesson"],
    ["a trailing slash", "lesson/"],
    ["a double slash", "lesson//question/q1"],
    ["capitals", "Lesson"],
    ["a space", "a lesson"],
    ["a backslash", "lesson\\question"],
    ["an over-long id", "a".repeat(ACTIVITY_ID_MAX + 1)],
    ["an over-long path", `lesson/question/${"q".repeat(ACTIVITY_ID_MAX)}`],
  ])("refuses %s", (_name, id) => {
    expect(parseActivityId(course, id)).toBeUndefined();
    expect(activityKindOf(id)).toBeUndefined();
  });

  it("accepts an id of exactly the longest length", () => {
    expect(parseActivityId(course, "a".repeat(ACTIVITY_ID_MAX))).toEqual({ kind: "lesson", course, lesson: "a".repeat(ACTIVITY_ID_MAX) });
  });

  it.each(["", "../x", "Responding-well", "a/b"])("refuses the course %j", (c) => {
    expect(parseActivityId(c, "assessment-pre")).toBeUndefined();
  });

  it("reads non-strings as nothing (ids come from requests and rows)", () => {
    expect(parseActivityId(course, 42 as unknown as string)).toBeUndefined();
    expect(parseActivityId(null as unknown as string, "assessment-pre")).toBeUndefined();
  });

  it("only lessons, checks and boosters are what progress is stored under", () => {
    expect(parseProgressActivity(course, "lesson/question/q1")).toBeUndefined();
    expect(parseProgressActivity(course, "assessment-form-a/question/q1")).toBeUndefined();
  });

  it.each<[string, ActivityRef]>([
    ["a lesson slug that reads as a booster", { kind: "lesson", course, lesson: "booster-basics" }],
    ["a lesson slug that reads as a check", { kind: "lesson", course, lesson: "assessment-pre" }],
    ["a lesson that is not a slug", { kind: "lesson", course, lesson: "../x" }],
    ["an empty booster", { kind: "booster", course, booster: "" }],
    ["a step that is not a slug", { kind: "scenario-step", course, lesson: "l", scenario: "s", step: "a/b" }],
    ["a course that is not a slug", { kind: "lesson", course: "A course", lesson: "l" }],
  ])("will not format %s (it would not read back as itself)", (_name, ref) => {
    expect(() => formatActivityId(ref)).toThrow(/not a well-formed/);
  });

  it("names each part's parent activity", () => {
    expect(parentActivity(CASES[4][0])).toEqual({ kind: "lesson", course, lesson: "behaviour-not-identity" });
    expect(parentActivity(CASES[5][0])).toEqual({ kind: "booster", course, booster: "week-1" });
    expect(parentActivity(CASES[6][0])).toEqual({ kind: "lesson", course, lesson: "a-way-back" });
    expect(parentActivity(CASES[7][0])).toBeUndefined();
    expect(parentActivity(CASES[0][0])).toBeUndefined();
  });
});

describe("progress keys", () => {
  it("round-trips a browser's progress key", () => {
    const ref = { kind: "booster", course, booster: "week-1" } as const;
    expect(progressKey("en", ref)).toBe("en/responding-well/booster-week-1");
    expect(parseProgressKey("en/responding-well/booster-week-1")).toEqual({ locale: "en", ref });
    expect(parseProgressKey("pt-BR/responding-well/assessment-pre")).toEqual({ locale: "pt-BR", ref: { kind: "check", course, slot: "pre" } });
  });

  it.each(["en/responding-well", "EN/responding-well/x", "en/responding-well/assessment-mid", "en/responding-well/l/question/q1", "en//x", "en/../x", ""])(
    "refuses %j",
    (key) => expect(parseProgressKey(key)).toBeUndefined(),
  );
});

describe("activity pages", () => {
  it.each<[ActivityRef, string | undefined]>([
    [CASES[0][0], "/en/courses/responding-well/behaviour-not-identity"],
    [CASES[1][0], "/en/courses/responding-well/assessment/pre"],
    [CASES[3][0], "/en/courses/responding-well/booster/week-1"],
    [CASES[4][0], "/en/courses/responding-well/behaviour-not-identity/quiz"],
    [CASES[5][0], "/en/courses/responding-well/booster/week-1"],
    [CASES[6][0], "/en/courses/responding-well/a-way-back"],
    [CASES[7][0], undefined],
  ])("%o opens %s", (ref, url) => expect(activityUrl(ref, "en")).toBe(url));
});

describe("activity IRIs", () => {
  const base = "https://commonground.example";
  it.each<[ActivityRef, string]>([
    [CASES[0][0], "/activities/responding-well/lessons/behaviour-not-identity"],
    [CASES[1][0], "/activities/responding-well/checks/pre"],
    [CASES[3][0], "/activities/responding-well/boosters/week-1"],
    [CASES[4][0], "/activities/responding-well/lessons/behaviour-not-identity/questions/q1"],
    [CASES[5][0], "/activities/responding-well/boosters/week-1/questions/b-q2"],
    [CASES[6][0], "/activities/responding-well/lessons/a-way-back/scenarios/a-worrying-change/steps/start"],
    [CASES[7][0], "/activities/responding-well/check-forms/a/questions/pre-chat-praise"],
  ])("%o is %s under the base", (ref, tail) => expect(activityIri(base, ref)).toBe(`${base}${tail}`));

  it("keeps a base path and drops its trailing slashes", () => {
    expect(activityIri("https://example.org/cg//", CASES[1][0])).toBe("https://example.org/cg/activities/responding-well/checks/pre");
  });

  it.each(["not a url", "ftp://example.org", "https://example.org/?x=1", "https://example.org/#top", "https://user:pw@example.org"])("refuses the base %j", (b) => {
    expect(() => activityIri(b, CASES[0][0])).toThrow();
  });

  it("refuses a malformed ref rather than build an IRI for it", () => {
    expect(() => activityIri(base, { kind: "lesson", course, lesson: "../x" })).toThrow();
  });
});

describe("every activity of the English content", () => {
  const { content, problems } = loadContent(path.join(process.cwd(), "content"));
  const en = content.find((c) => c.locale === "en")!;

  /** Walks the loaded content: each lesson, its quiz's questions and its scenario's steps, the checks and their items, the boosters and theirs. */
  function activities(): ActivityRef[] {
    const out: ActivityRef[] = [];
    for (const c of en.courses) {
      for (const lessonRef of c.modules.flatMap((m) => m.lessons)) {
        const lesson = en.lessons.find((l) => l.courseId === c.id && l.id === lessonRef.id)!;
        out.push({ kind: "lesson", course: c.id, lesson: lesson.id });
        const quiz = lesson.quizId ? en.quizzes.get(`${c.id}/${lesson.quizId}`) : undefined;
        for (const q of quiz?.questions ?? []) out.push({ kind: "question", course: c.id, quiz: { kind: "lesson", lesson: lesson.id }, question: q.id });
        const scenario = lesson.scenarioId ? en.scenarios.get(`${c.id}/${lesson.scenarioId}`) : undefined;
        for (const step of Object.keys(scenario?.steps ?? {})) out.push({ kind: "scenario-step", course: c.id, lesson: lesson.id, scenario: scenario!.id, step });
      }
      const forms = en.forms.get(c.id) ?? {};
      if (forms.a && forms.b) out.push({ kind: "check", course: c.id, slot: "pre" }, { kind: "check", course: c.id, slot: "post" });
      for (const form of FORM_IDS) for (const q of forms[form]?.questions ?? []) out.push({ kind: "assessment-item", course: c.id, form, question: q.id });
      for (const [key, booster] of en.boosters) {
        const [owner, id] = key.split("/");
        if (owner !== c.id) continue;
        out.push({ kind: "booster", course: c.id, booster: id });
        for (const q of booster.questions) out.push({ kind: "question", course: c.id, quiz: { kind: "booster", booster: id }, question: q.id });
      }
    }
    return out;
  }
  const all = activities();

  it("loads, and holds every kind of activity", () => {
    expect(problems).toEqual([]);
    expect(new Set(all.map((a) => a.kind))).toEqual(new Set(["lesson", "check", "booster", "question", "scenario-step", "assessment-item"]));
  });

  it("formats each to a string that parses back to the same activity", () => {
    for (const ref of all) {
      const id = formatActivityId(ref);
      expect(id.length, id).toBeLessThanOrEqual(ACTIVITY_ID_MAX);
      expect(parseActivityId(ref.course, id), id).toEqual(ref);
    }
  });

  it("gives no two activities the same string or the same IRI", () => {
    const ids = all.map((r) => `${r.course}/${formatActivityId(r)}`);
    expect(new Set(ids).size).toBe(ids.length);
    const iris = all.map((r) => activityIri("https://commonground.example", r));
    expect(new Set(iris).size).toBe(iris.length);
  });

  it("stores a booster's quiz under its activity id, as attempts' quiz_id always held it", () => {
    for (const [key, booster] of en.boosters) {
      const [owner, id] = key.split("/");
      expect(booster.id).toBe(formatActivityId({ kind: "booster", course: owner, booster: id }));
    }
  });
});
