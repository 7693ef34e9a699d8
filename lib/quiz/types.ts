// The quiz as the app runs it: every question type normalised to options + correct ids.
// Pure data; shared by the content loader, grading and the quiz runner.

/** The three skills every question trains, used for mastery per skill. */
export const SKILLS = ["recognising", "responding", "resilience"] as const;
export type Skill = (typeof SKILLS)[number];

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

/** What differs between the two versions of a bias-check pair. */
export type BiasFeature = "religion" | "conversion" | "dress" | "name" | "language" | "ideology" | "nationality";

/** Two versions of one story that differ in one identity feature only, with the same answer. */
export interface BiasPair {
  /** Unique in the course: the experiment is "bias:<id>". */
  id: string;
  feature: BiasFeature;
  /** Question ids: version "a", then version "b". */
  versions: [string, string];
}

export interface Quiz {
  id: string;
  title: string;
  passMark: number;
  questions: Question[];
  /** Bias-check pairs: two versions of one story; each learner sees one (lib/experiments). */
  biasPairs?: BiasPair[];
  /** Content version (lib/content/version.ts), set when content is loaded; stored with each attempt. */
  version?: string;
}
