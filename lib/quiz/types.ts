// The quiz as the app runs it: every question type normalised to options + correct ids.
// Pure data; shared by the content loader, grading and the quiz runner.

/** The three skills every question trains, used for mastery per skill. */
export const SKILLS = ["recognising", "responding", "resilience"] as const;
export type Skill = (typeof SKILLS)[number];

export type QuestionType = "single" | "multiple" | "true-false" | "scenario";

export interface Option {
  id: string;
  /** For true/false questions the text is empty and the screen shows its own words. */
  text: string;
  feedback: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  skill: Skill;
  prompt: string;
  /** Scenario questions only: a short fictional story shown before the prompt. */
  vignette?: string;
  options: Option[];
  /** Ids of the correct options: exactly one, except for "multiple". */
  correct: string[];
  explanation: string;
}

export interface Quiz {
  id: string;
  title: string;
  passMark: number;
  questions: Question[];
}
