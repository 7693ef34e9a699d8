// Feedback on one graded answer: the verdict, what each chosen (or missed) option means, why.
import type { AnswerResult } from "@/lib/quiz/grade";
import type { Question } from "@/lib/quiz/types";
import { fill } from "@/components/ui/fill";
import type { QuizLabels } from "./labels";
import { useContentLang } from "./content-lang";
import { optionText } from "./question-inputs";

export function AnswerFeedback({ question, result, labels, compact }: { question: Question; result: AnswerResult; labels: QuizLabels; compact?: boolean }) {
  const Title = compact ? "p" : "h3";
  // Sort and discernment show their per-item feedback beside each item; here only the summary.
  const perOption = question.type !== "sort" && question.type !== "discern";
  const d = result.discernment;
  const text = useContentLang();
  return (
    <div className={`feedback ${result.verdict}`}>
      <Title className={`verdict ${result.verdict}`}>{labels[result.verdict]}</Title>
      {d && (
        <p>
          {fill(labels.discernResult, { hits: d.hits, signal: d.hits + d.misses, falseAlarms: d.falseAlarms, noise: d.falseAlarms + d.correctRejections })}
        </p>
      )}
      {perOption && (
        <ul>
          {result.feedback.map((f) => {
            const o = question.options.find((x) => x.id === f.optionId);
            return (
              <li key={f.optionId}>
                <strong>{f.chosen ? labels.yourChoice : labels.rightAnswer}:</strong> <span {...(o?.text ? text : {})}>{o ? optionText(o, labels) : f.optionId}</span>
                {f.chosen && f.correct ? " ✓" : ""}
                <br />
                <span {...text}>{f.feedback}</span>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <strong>{labels.why}:</strong> <span {...text}>{result.explanation}</span>
      </p>
    </div>
  );
}
