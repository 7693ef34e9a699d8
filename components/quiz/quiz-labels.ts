// Server side: the quiz runner's words for a locale, as plain strings.
import { getTranslations } from "next-intl/server";
import { QUIZ_LABEL_KEYS, type QuizLabels } from "./labels";

export async function quizLabels(locale: string): Promise<QuizLabels> {
  const t = await getTranslations({ locale, namespace: "quiz" });
  return Object.fromEntries(QUIZ_LABEL_KEYS.map((k) => [k, t.raw(k) as string])) as QuizLabels;
}
