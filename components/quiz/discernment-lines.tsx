// A learner's own discernment figures at the end of a quiz or check: hit and false-alarm rates,
// then the sensitivity (d') that does not depend on how many posts were flagged. Nothing when the
// quiz had no discernment set. One place, for quiz-result.tsx and check-result.tsx.
import { fill } from "@/components/ui/fill";
import { discernmentRates, type QuizResult } from "@/lib/quiz/grade";
import { dPrimeText, discernmentTotals, sensitivity } from "@/lib/quiz/sensitivity";
import type { QuizLabels } from "./labels";

export function DiscernmentLines({ result, labels }: { result: QuizResult; labels: Pick<QuizLabels, "discernSummary" | "discernSensitivity"> }) {
  const rates = discernmentRates(result.results);
  if (rates.items === 0 || rates.hitRate === null || rates.falseAlarmRate === null) return null;
  const dPrime = sensitivity(discernmentTotals(result.results))?.dPrime;
  return (
    <>
      <p>{fill(labels.discernSummary, { hitRate: Math.round(rates.hitRate * 100), falseAlarmRate: Math.round(rates.falseAlarmRate * 100) })}</p>
      {dPrime !== undefined && <p>{fill(labels.discernSensitivity, { dPrime: dPrimeText(dPrime) })}</p>}
    </>
  );
}
