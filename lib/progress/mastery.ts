// Mastery per skill: pure functions of a learner's responses (no I/O), tested with tables.
import { SKILLS, type Skill } from "@/lib/quiz/types";

export type MasteryLevel = "not-started" | "developing" | "secure" | "mastered";

export interface ResponseForMastery {
  /** Identifies the question across quizzes, e.g. "<course>/<quiz>/<question>". */
  questionKey: string;
  skill: Skill;
  /** 0..1 */
  points: number;
  /** ISO time; the latest answer to a question is the one that counts. */
  answeredAt: string;
}

export interface SkillMastery {
  skill: Skill;
  /** Mean points over the latest answer to each question, 0..1 (0 when nothing answered). */
  score: number;
  /** How many distinct questions count. */
  questions: number;
  level: MasteryLevel;
}

/** Enough distinct questions to call a skill mastered rather than merely secure. */
export const MASTERY_MIN_QUESTIONS = 5;

export function masteryLevel(score: number, questions: number): MasteryLevel {
  if (questions === 0) return "not-started";
  if (score >= 0.85 && questions >= MASTERY_MIN_QUESTIONS) return "mastered";
  if (score >= 0.6) return "secure";
  return "developing";
}

export function computeMastery(responses: readonly ResponseForMastery[]): SkillMastery[] {
  const latest = new Map<string, ResponseForMastery>();
  for (const r of responses) {
    const seen = latest.get(r.questionKey);
    if (!seen || r.answeredAt > seen.answeredAt) latest.set(r.questionKey, r);
  }
  return SKILLS.map((skill) => {
    const mine = [...latest.values()].filter((r) => r.skill === skill);
    const score = mine.length ? mine.reduce((s, r) => s + r.points, 0) / mine.length : 0;
    return { skill, score, questions: mine.length, level: masteryLevel(score, mine.length) };
  });
}
