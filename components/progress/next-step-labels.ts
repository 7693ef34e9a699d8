// Server side: the next step's and the refreshers' words for a locale, as plain strings for the
// client islands that show them (the dashboard, and a guest's course page).
import { getTranslations } from "next-intl/server";
import { SKILLS } from "@/lib/quiz/types";
import { NEXT_STEP_KEYS, type NextStepLabels } from "./next-step-card";

export async function nextStepLabels(locale: string): Promise<NextStepLabels> {
  const [t, td] = await Promise.all([getTranslations({ locale, namespace: "nextStep" }), getTranslations({ locale, namespace: "dashboard" })]);
  return {
    ...Object.fromEntries(NEXT_STEP_KEYS.map((k) => [k, t.raw(k) as string])),
    ...Object.fromEntries(SKILLS.map((s) => [`skill_${s}`, td.raw(`skill_${s}`) as string])),
  } as NextStepLabels;
}
