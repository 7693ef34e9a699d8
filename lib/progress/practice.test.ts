import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/quiz/types";
import { estimateSkills, practiceFor, practiceTargets, skillCounts, type PracticeCandidate, type SkillCounts } from "./practice";

const counts = (recognising: number, responding: number, resilience: number): SkillCounts => ({ recognising, responding, resilience });
const candidate = (lessonId: string, c: SkillCounts, scores: PracticeCandidate["scores"] = {}): PracticeCandidate => ({ lessonId, title: `Title ${lessonId}`, counts: c, scores });
const q = (id: string, skill: Question["skill"]): Question => ({ id, type: "single", skill, prompt: id, options: [], correct: [], explanation: "" });

describe("skillCounts", () => {
  it("counts each bias-check pair once, as a learner sees one version", () => {
    const quiz = {
      questions: [q("a", "recognising"), q("b", "recognising"), q("b2", "recognising"), q("c", "responding")],
      biasPairs: [{ id: "p", feature: "religion" as const, versions: ["b", "b2"] as [string, string] }],
    };
    expect(skillCounts(quiz)).toEqual(counts(2, 1, 0));
  });
});

describe("practiceFor", () => {
  it("picks the quiz with the most points still to win on the skill", () => {
    const list = [candidate("one-wrong", counts(1, 0, 0), { recognising: 0 }), candidate("ten-half", counts(10, 0, 0), { recognising: 0.5 })];
    expect(practiceFor("recognising", list)).toEqual({ skill: "recognising", lessonId: "ten-half", title: "Title ten-half" });
  });

  it("counts a quiz not yet taken in full", () => {
    const list = [candidate("taken", counts(6, 0, 0), { recognising: 0.5 }), candidate("not-taken", counts(4, 0, 0))];
    expect(practiceFor("recognising", list)?.lessonId).toBe("not-taken");
  });

  it("breaks ties by the earlier lesson", () => {
    expect(practiceFor("responding", [candidate("first", counts(0, 4, 0)), candidate("second", counts(0, 4, 0))])?.lessonId).toBe("first");
  });

  it("with everything right, the quiz with most questions on the skill", () => {
    const list = [candidate("small", counts(0, 0, 2), { resilience: 1 }), candidate("big", counts(0, 0, 8), { resilience: 1 })];
    expect(practiceFor("resilience", list)?.lessonId).toBe("big");
  });

  it("none when no quiz has a question on the skill", () => {
    expect(practiceFor("resilience", [candidate("x", counts(3, 3, 0))])).toBeNull();
    expect(practiceTargets([candidate("x", counts(3, 3, 0))]).map((t) => t.skill)).toEqual(["recognising", "responding"]);
  });
});

describe("estimateSkills", () => {
  it("weights each quiz's percent by its questions on the skill, and skips quizzes not taken", () => {
    const result = estimateSkills([
      { counts: counts(8, 2, 0), percent: 50 },
      { counts: counts(2, 0, 6), percent: 100 },
      { counts: counts(5, 5, 5) },
    ]);
    expect(result[0]).toEqual({ skill: "recognising", score: (8 * 0.5 + 2 * 1) / 10, questions: 10 });
    expect(result[1]).toEqual({ skill: "responding", score: 0.5, questions: 2 });
    expect(result[2]).toEqual({ skill: "resilience", score: 1, questions: 6 });
  });

  it("nothing taken: every skill at zero over zero questions", () => {
    expect(estimateSkills([{ counts: counts(1, 1, 1) }]).every((s) => s.questions === 0 && s.score === 0)).toBe(true);
  });
});
