// The quiz as the app runs it: every question type normalised to options + correct ids.
// Pure data; shared by the content loader, grading and the quiz runner.

/** The three skills every question trains, used for mastery per skill. */
export const SKILLS = ["recognising", "responding", "resilience"] as const;
export type Skill = (typeof SKILLS)[number];

/**
 * The share of points a quiz needs to pass unless its file says otherwise (lib/content/schema.ts).
 * Mastery labels use the same line (lib/progress/mastery.ts), so "Secure" never means "not passed".
 */
export const DEFAULT_PASS_MARK = 0.7;

export type QuestionType = "single" | "multiple" | "true-false" | "scenario" | "sort" | "discern";

export interface Option {
  id: string;
  /** For true/false questions the text is empty and the screen shows its own words. */
  text: string;
  feedback: string;
  /** Discernment posts: the manipulation technique a manipulative post uses. */
  technique?: string;
  /** "None of these"-style options stay last when options are shuffled (lib/quiz/shuffle.ts). */
  pinLast?: boolean;
}

export interface SortCategory {
  id: string;
  label: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  skill: Skill;
  prompt: string;
  /** Scenario questions only: a short fictional story shown before the prompt. */
  vignette?: string;
  /** Scenario questions only: the cause behind the story's behaviour, or "none" (lib/content/ideology.ts). */
  ideology?: string;
  /** The choices; for "sort" the items to sort, for "discern" the posts to judge. */
  options: Option[];
  /**
   * The right answer as option ids: exactly one, except for "multiple" (several), "discern" (the
   * manipulative posts, possibly none) and "sort" ("<item>:<category>" for every item).
   */
  correct: string[];
  /** "sort" only: the piles. */
  categories?: SortCategory[];
  explanation: string;
}

/**
 * What differs between the two versions of a bias-check pair: the one identity feature (or, for
 * "ideology", the cause behind the same behaviour). A label for reports; it changes no answer.
 */
export const BIAS_FEATURES = ["religion", "conversion", "dress", "name", "language", "ideology", "nationality"] as const;
export type BiasFeature = (typeof BIAS_FEATURES)[number];

/**
 * A bias check, run as an experiment between subjects: each learner sees one of the two versions
 * (assigned at random and recorded), never both, and the reports compare the versions' answers.
 * The versions are two questions of the same quiz whose stories differ by one small edit and
 * whose options, feedback and key are identical.
 */
export interface BiasPair {
  /** Unique across the course (lessons, assessments, boosters): reports key on it. */
  id: string;
  feature: BiasFeature;
  /** Question ids of the two versions. */
  versions: [string, string];
}

export interface Quiz {
  id: string;
  title: string;
  passMark: number;
  questions: Question[];
  /** Bias-check pairs among the questions; a learner is shown one version of each. */
  biasPairs?: BiasPair[];
  /** Content version (lib/content/version.ts), set when content is loaded; stored with each attempt. */
  version?: string;
}
