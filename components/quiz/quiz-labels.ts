// Server side: the quiz runner's words for a locale, as plain strings.
import { getTranslations } from "next-intl/server";
import { QUIZ_LABEL_KEYS, type QuizLabels, type QuizStrings } from "./labels";

export async function quizLabels(locale: string): Promise<QuizLabels> {
  const [t, tm] = await Promise.all([getTranslations({ locale, namespace: "quiz" }), getTranslations({ locale, namespace: "materials" })]);
  const strings = Object.fromEntries(QUIZ_LABEL_KEYS.map((k) => [k, t.raw(k) as string])) as QuizStrings;
  return { ...strings, techniqueNames: tm.raw("technique") as Record<string, string> };
}
