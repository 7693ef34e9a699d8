// Grading of an inoculation activity: pure functions of the content and the learner's choices.
// Building is scored by how well each chosen piece uses the technique; the spot round by
// discernment (hits and false alarms, content guide section 4), not by a bare count, because a
// learner who calls everything manipulative has learned suspicion, not the technique.
import type { Activity, ActivityStep, PieceUse, SpotPost } from "./types";

/** Points for a piece: using the technique well is the goal of the build; a weak use is half-way. */
export const USE_POINTS: Record<PieceUse, number> = { well: 1, weak: 0.5, none: 0 };

export interface StepResult {
  stepId: string;
  pieceId: string;
  use: PieceUse;
  points: number;
  feedback: string;
}

/** One step's result, or undefined when the piece is not one of the step's. */
export function gradeStep(step: ActivityStep, pieceId: string): StepResult | undefined {
  const piece = step.pieces.find((p) => p.id === pieceId);
  if (!piece) return undefined;
  return { stepId: step.id, pieceId, use: piece.use, points: USE_POINTS[piece.use], feedback: piece.feedback };
}

export interface BuildResult {
  steps: StepResult[];
  points: number;
  max: number;
  /** 0..1. */
  share: number;
  /** The chosen pieces' texts in step order: the invented post the learner assembled. */
  post: string;
  /** Steps still without a (valid) choice. */
  missing: string[];
}

/** The whole build, from step id -> chosen piece id. */
export function gradeBuild(activity: Pick<Activity, "steps">, choices: Readonly<Record<string, string>>): BuildResult {
  const steps: StepResult[] = [];
  const missing: string[] = [];
  for (const step of activity.steps) {
    const r = choices[step.id] === undefined ? undefined : gradeStep(step, choices[step.id]);
    if (r) steps.push(r);
    else missing.push(step.id);
  }
  const points = steps.reduce((n, s) => n + s.points, 0);
  const max = activity.steps.length;
  const post = activity.steps
    .flatMap((step) => step.pieces.find((p) => p.id === choices[step.id])?.text ?? [])
    .join(" ");
  return { steps, points, max, share: max === 0 ? 0 : points / max, post, missing };
}

export interface SpotJudgement {
  postId: string;
  correct: boolean;
  feedback: string;
}

export interface SpotResult {
  judgements: SpotJudgement[];
  correct: number;
  total: number;
  /** Posts that use the technique and were called so, over all that use it (0..1). */
  hitRate: number;
  /** Posts that do not use it but were called so, over all that do not (0..1). */
  falseAlarmRate: number;
  /** Posts not judged yet. */
  missing: string[];
}

/** The spot round, from post id -> "uses the technique" (true) or not (false). */
export function gradeSpot(posts: readonly SpotPost[], answers: Readonly<Record<string, boolean>>): SpotResult {
  const judgements: SpotJudgement[] = [];
  const missing: string[] = [];
  let hits = 0;
  let falseAlarms = 0;
  for (const post of posts) {
    const said = answers[post.id];
    if (said === undefined) {
      missing.push(post.id);
      continue;
    }
    if (said && post.uses) hits += 1;
    if (said && !post.uses) falseAlarms += 1;
    judgements.push({ postId: post.id, correct: said === post.uses, feedback: post.feedback });
  }
  const using = posts.filter((p) => p.uses).length;
  const genuine = posts.length - using;
  return {
    judgements,
    correct: judgements.filter((j) => j.correct).length,
    total: posts.length,
    hitRate: using === 0 ? 0 : hits / using,
    falseAlarmRate: genuine === 0 ? 0 : falseAlarms / genuine,
    missing,
  };
}
