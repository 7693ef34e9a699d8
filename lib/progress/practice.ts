// Which lesson quiz to practise a skill on. Pure: content and the learner's scores come in as
// arguments, so the dashboard (signed in, per-question record) and the course page (a guest,
// whole-quiz percents in this browser) choose the same way.
import { SKILLS, type Quiz, type Skill } from "@/lib/quiz/types";

export type SkillCounts = Record<Skill, number>;

/** Questions per skill in a quiz as a learner sees it: one version of each bias-check pair. */
export function skillCounts(quiz: Pick<Quiz, "questions" | "biasPairs">): SkillCounts {
  const hidden = new Set((quiz.biasPairs ?? []).map((p) => p.versions[1]));
  const counts = Object.fromEntries(SKILLS.map((s) => [s, 0])) as SkillCounts;
  for (const q of quiz.questions) if (!hidden.has(q.id)) counts[q.skill] += 1;
  return counts;
}

export interface PracticeCandidate {
  lessonId: string;
  title: string;
  /** Questions per skill in the lesson's quiz. */
  counts: SkillCounts;
  /** The learner's mean points (0..1) on this quiz's questions of each skill, where known. */
  scores: Partial<Record<Skill, number>>;
}

export interface PracticeTarget {
  skill: Skill;
  lessonId: string;
  title: string;
}

/**
 * The quiz with the most points still to win on the skill: its questions on the skill times the
 * share the learner has not yet got right (all of it when they have not taken the quiz). So a quiz
 * with ten questions on the skill at 50 % beats one with a single question answered wrongly, and a
 * quiz never taken counts in full. Ties go to the earlier lesson. Candidates come in course order.
 */
export function practiceFor(skill: Skill, candidates: readonly PracticeCandidate[]): PracticeTarget | null {
  let best: { c: PracticeCandidate; gain: number } | null = null;
  for (const c of candidates) {
    const n = c.counts[skill];
    if (n === 0) continue;
    const gain = n * (1 - (c.scores[skill] ?? 0));
    // Everything right everywhere: still practise on the quiz with the most questions on the skill.
    const better = !best || gain > best.gain + 1e-9 || (Math.abs(gain - best.gain) <= 1e-9 && n > best.c.counts[skill]);
    if (better) best = { c, gain };
  }
  return best && { skill, lessonId: best.c.lessonId, title: best.c.title };
}

/** A practice target for every skill that has one, in the order of SKILLS. */
export function practiceTargets(candidates: readonly PracticeCandidate[]): PracticeTarget[] {
  return SKILLS.map((s) => practiceFor(s, candidates)).filter((t): t is PracticeTarget => t !== null);
}

export interface SkillEstimate {
  skill: Skill;
  /** 0..1 */
  score: number;
  /** The questions on the skill in the quizzes taken. */
  questions: number;
}

/**
 * A guest's skills, estimated from what this browser keeps: each quiz's latest whole percent, not
 * the answer to each question. A quiz counts towards a skill in proportion to its questions on
 * that skill, so a quiz of eight "responding" questions and one "resilience" question moves
 * "responding" most. Quizzes not taken do not count.
 */
export function estimateSkills(quizzes: readonly { counts: SkillCounts; percent?: number }[]): SkillEstimate[] {
  return SKILLS.map((skill) => {
    let questions = 0;
    let points = 0;
    for (const q of quizzes) {
      if (q.percent === undefined) continue;
      questions += q.counts[skill];
      points += q.counts[skill] * (q.percent / 100);
    }
    return { skill, score: questions ? points / questions : 0, questions };
  });
}
