import { describe, expect, it } from "vitest";
import { nextActivityId, nextThing, type DueItem, type GroupFacts, type PlanLesson } from "./group-next";

const due = (activityId: string, dueAt: string, done = false, begun = false): DueItem => ({ activityId, title: activityId, href: `/x/${activityId}`, dueAt, done, begun });
const lesson = (id: string, done = false, begun = false): PlanLesson => ({ id, title: id, href: `/x/${id}`, done, begun });
const facts = (over: Partial<GroupFacts> = {}): GroupFacts => ({
  planHasPre: true,
  pre: { href: "/x/pre", done: false, begun: false },
  due: [],
  lessons: [lesson("one"), lesson("two")],
  ...over,
});

describe("the one next thing of a group", () => {
  it.each([
    ["the starting check first, when the plan has one and it is not done", facts({ due: [due("two", "2030-01-01")] }), { kind: "pre", href: "/x/pre", begun: false }],
    ["a started check is continued", facts({ pre: { href: "/x/pre", done: false, begun: true } }), { kind: "pre", begun: true }],
    ["no check in the plan: the earliest due unfinished assignment", facts({ planHasPre: false, due: [due("one", "2030-01-01", true), due("two", "2030-02-01"), due("three", "2030-03-01")] }), { kind: "assignment", activityId: "two" }],
    ["check done: the assignment before the plan's lessons", facts({ pre: { href: "/x/pre", done: true, begun: true }, due: [due("two", "2030-01-01", false, true)] }), { kind: "assignment", activityId: "two", begun: true }],
    ["an assigned starting check is the check", facts({ planHasPre: false, due: [due("assessment-pre", "2030-01-01")] }), { kind: "pre", href: "/x/assessment-pre" }],
    ["nothing due: the plan's first unfinished lesson, with its place", facts({ planHasPre: false, lessons: [lesson("one", true), lesson("two", false, true)] }), { kind: "lesson", lessonId: "two", begun: true, number: 2 }],
    ["everything done: wait for the facilitator", facts({ planHasPre: false, due: [due("one", "2030-01-01", true)], lessons: [lesson("one", true)] }), { kind: "wait" }],
    ["no plan and nothing set: wait", facts({ planHasPre: false, lessons: [] }), { kind: "wait" }],
  ])("%s", (_, input, expected) => {
    expect(nextThing(input)).toMatchObject(expected);
  });

  it("names the activity it stands for, so the rest does not list it twice", () => {
    expect(nextActivityId({ kind: "pre", href: "/", begun: false })).toBe("assessment-pre");
    expect(nextActivityId({ kind: "assignment", activityId: "two", title: "", href: "/", dueAt: "", begun: false })).toBe("two");
    expect(nextActivityId({ kind: "lesson", lessonId: "one", title: "", href: "/", begun: false, number: 1 })).toBe("one");
    expect(nextActivityId({ kind: "wait" })).toBeUndefined();
  });
});
