import { describe, expect, it } from "vitest";
import { gradeBuild, gradeSpot, gradeStep } from "./grade";
import type { ActivityStep, SpotPost } from "./types";

const step = (id: string): ActivityStep => ({
  id,
  prompt: `Prompt ${id}`,
  pieces: [
    { id: `${id}-w`, text: `${id} well.`, use: "well", feedback: "well fb" },
    { id: `${id}-k`, text: `${id} weak.`, use: "weak", feedback: "weak fb" },
    { id: `${id}-n`, text: `${id} none.`, use: "none", feedback: "none fb" },
  ],
});
const steps = [step("a"), step("b"), step("c")];

describe("gradeStep", () => {
  it.each([
    ["a-w", "well", 1, "well fb"],
    ["a-k", "weak", 0.5, "weak fb"],
    ["a-n", "none", 0, "none fb"],
  ] as const)("piece %s uses the technique %s: %d point(s)", (pieceId, use, points, feedback) => {
    expect(gradeStep(steps[0], pieceId)).toEqual({ stepId: "a", pieceId, use, points, feedback });
  });

  it("refuses a piece from another step", () => {
    expect(gradeStep(steps[0], "b-w")).toBeUndefined();
  });
});

describe("gradeBuild", () => {
  it.each([
    [{ a: "a-w", b: "b-w", c: "c-w" }, 3, 1, []],
    [{ a: "a-w", b: "b-k", c: "c-n" }, 1.5, 0.5, []],
    [{ a: "a-n", b: "b-n", c: "c-n" }, 0, 0, []],
    [{ a: "a-k", c: "c-w" }, 1.5, 0.5, ["b"]],
    [{ a: "b-w", b: "b-w", c: "c-k" }, 1.5, 0.5, ["a"]],
    [{}, 0, 0, ["a", "b", "c"]],
  ] as const)("%j scores %d (share %d), missing %j", (choices, points, share, missing) => {
    const r = gradeBuild({ steps }, choices);
    expect(r.points).toBe(points);
    expect(r.max).toBe(3);
    expect(r.share).toBe(share);
    expect(r.missing).toEqual(missing);
  });

  it("assembles the chosen pieces in step order, whatever the order of choosing", () => {
    expect(gradeBuild({ steps }, { c: "c-n", a: "a-w", b: "b-k" }).post).toBe("a well. b weak. c none.");
  });

  it("leaves out steps without a valid choice from the post", () => {
    expect(gradeBuild({ steps }, { a: "a-w", b: "nope" }).post).toBe("a well.");
  });

  it("scores an activity without steps as zero, not NaN", () => {
    expect(gradeBuild({ steps: [] }, {}).share).toBe(0);
  });
});

describe("gradeSpot", () => {
  const posts: SpotPost[] = [
    { id: "p1", text: "1", uses: true, feedback: "f1" },
    { id: "p2", text: "2", uses: false, feedback: "f2" },
    { id: "p3", text: "3", uses: true, feedback: "f3" },
    { id: "p4", text: "4", uses: false, feedback: "f4" },
  ];

  it.each([
    // all right
    [{ p1: true, p2: false, p3: true, p4: false }, 4, 1, 0],
    // calls everything manipulative: every hit, every false alarm
    [{ p1: true, p2: true, p3: true, p4: true }, 2, 1, 1],
    // calls nothing manipulative: no hit, no false alarm
    [{ p1: false, p2: false, p3: false, p4: false }, 2, 0, 0],
    // all wrong
    [{ p1: false, p2: true, p3: false, p4: true }, 0, 0, 1],
    // one miss, one false alarm
    [{ p1: true, p2: true, p3: false, p4: false }, 2, 0.5, 0.5],
  ] as const)("%j: %d correct, hit rate %d, false-alarm rate %d", (answers, correct, hitRate, falseAlarmRate) => {
    const r = gradeSpot(posts, answers);
    expect(r).toMatchObject({ correct, total: 4, hitRate, falseAlarmRate, missing: [] });
  });

  it("gives each judged post its feedback and whether it was right", () => {
    expect(gradeSpot(posts, { p1: false, p2: false }).judgements).toEqual([
      { postId: "p1", correct: false, feedback: "f1" },
      { postId: "p2", correct: true, feedback: "f2" },
    ]);
  });

  it("lists the posts not yet judged", () => {
    expect(gradeSpot(posts, { p2: true }).missing).toEqual(["p1", "p3", "p4"]);
  });

  it("does not divide by zero when the round has only one kind of post", () => {
    const r = gradeSpot(posts.filter((p) => p.uses), { p1: true, p3: true });
    expect(r.falseAlarmRate).toBe(0);
    expect(r.hitRate).toBe(1);
  });
});
