// The words the quiz runner shows, passed from the server page as plain strings ({name} fills).
export const QUIZ_LABEL_KEYS = [
  "questionOf", "chooseOne", "chooseAll", "true", "false", "fictional", "check", "next", "finish", "noChoice",
  "correct", "partial", "incorrect", "yourChoice", "rightAnswer", "why", "resultTitle", "score", "passed",
  "notPassed", "best", "review", "retry", "backToLesson", "nextLesson", "sortHint", "sortIncomplete",
  "discernHint", "discernIncomplete", "inventedPost", "genuine", "manipulative", "technique", "belongsIn",
  "discernResult", "discernSummary", "discernSensitivity",
] as const;

/** The strings, plus each manipulation technique's plain name (an id such as "false-dichotomy" is not for learners). */
export type QuizStrings = Record<(typeof QUIZ_LABEL_KEYS)[number], string>;
export type QuizLabels = QuizStrings & { techniqueNames?: Record<string, string> };
