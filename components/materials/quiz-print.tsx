import { getTranslations } from "next-intl/server";
import type { MarkdownLabels } from "@/components/lesson/markdown-html";
import type { Question } from "@/lib/quiz/types";
import { KeySheet, Sheet, WriteLines } from "./sheet";
import type { MaterialOf, PrintQuiz } from "./types";

/** Options are lettered in the order they were written: print uses the authored order. */
const letter = (i: number) => String.fromCharCode(65 + i);

/** The words a printed question needs, prepared once by QuizPrint. */
interface Words {
  true: string;
  false: string;
  trick: string;
  genuine: string;
  chooseOne: string;
  chooseAll: string;
  discern: string;
  sortWrite: string;
  fictional: string;
  piles: (piles: string) => string;
  item: (n: number) => string;
  post: (n: number) => string;
  answer: (a: string) => string;
  technique: (id: string) => string;
}

function QuestionBody({ q, w }: { q: Question; w: Words }) {
  if (q.type === "true-false") {
    return (
      <ul className="material-options">
        {[w.true, w.false].map((o) => (
          <li key={o}>
            <span className="material-box" aria-hidden="true" />
            {o}
          </li>
        ))}
      </ul>
    );
  }
  if (q.type === "sort") {
    return (
      <>
        <p className="meta">
          {w.piles((q.categories ?? []).map((c) => c.label).join(" / "))} {w.sortWrite}
        </p>
        <ol className="material-options">
          {q.options.map((o, i) => (
            <li key={o.id}>
              {w.item(i + 1)}: {o.text}
              <WriteLines count={1} />
            </li>
          ))}
        </ol>
      </>
    );
  }
  if (q.type === "discern") {
    return (
      <>
        <p className="meta">{w.discern}</p>
        <ol className="material-options">
          {q.options.map((o, i) => (
            <li key={o.id}>
              <strong>{w.post(i + 1)}:</strong> {o.text}
              <br />
              <span className="material-box" aria-hidden="true" />
              {w.trick} <span className="material-box" aria-hidden="true" />
              {w.genuine}
            </li>
          ))}
        </ol>
      </>
    );
  }
  return (
    <>
      {q.vignette && (
        <p>
          <em>{w.fictional}:</em> {q.vignette}
        </p>
      )}
      {/* Most prompts already say "choose all that apply"; say it only where they don't. */}
      <p className="meta">{q.type === "multiple" ? (/all that apply/i.test(q.prompt) ? null : w.chooseAll) : w.chooseOne}</p>
      <ul className="material-options">
        {q.options.map((o, i) => (
          <li key={o.id}>
            <span className="material-box" aria-hidden="true" />
            {letter(i)}. {o.text}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The key of one question in words: letters, true/false, each item's pile, or each post's verdict. */
function answerOf(q: Question, w: Words): string[] {
  if (q.type === "true-false") return [w.answer(q.correct[0] === "true" ? w.true : w.false)];
  if (q.type === "sort") {
    const piles = new Map((q.categories ?? []).map((c) => [c.id, c.label]));
    const placed = new Map(q.correct.map((c) => c.split(":") as [string, string]));
    return q.options.map((o, i) => `${w.item(i + 1)}: ${piles.get(placed.get(o.id) ?? "") ?? ""}`);
  }
  if (q.type === "discern") {
    return q.options.map((o, i) => `${w.post(i + 1)}: ${q.correct.includes(o.id) ? `${w.trick}${o.technique ? ` (${w.technique(o.technique)})` : ""}` : w.genuine}`);
  }
  const letters = q.options.flatMap((o, i) => (q.correct.includes(o.id) ? [letter(i)] : []));
  return [w.answer(letters.join(", "))];
}

/**
 * Lesson quizzes on paper for anyone without a phone: the questions, then the key on its own
 * sheets for the facilitator. Only lesson quizzes: the checks' keys never leave the server.
 */
export async function QuizPrint(props: { locale: string; material: MaterialOf<"quiz">; quizzes: PrintQuiz[]; labels: MarkdownLabels; idPrefix?: string }) {
  const { locale, material, quizzes, labels, idPrefix = "" } = props;
  const t = await getTranslations({ locale, namespace: "materials" });
  const w: Words = {
    true: t("quizTrue"),
    false: t("quizFalse"),
    trick: t("quizTrick"),
    genuine: t("quizGenuine"),
    chooseOne: t("quizChooseOne"),
    chooseAll: t("quizChooseAll"),
    discern: t("quizDiscern"),
    sortWrite: t("quizSortWrite"),
    fictional: labels.fictional,
    piles: (piles) => t("quizSortPiles", { piles }),
    item: (number) => t("quizItemNumber", { number }),
    post: (number) => t("quizPostNumber", { number }),
    answer: (answer) => t("quizAnswer", { answer }),
    // Techniques outside the list keep their id rather than fail the page.
    technique: (id) => (t.has(`technique.${id}`) ? t(`technique.${id}` as "technique.emotion") : id),
  };
  return (
    <>
      {quizzes.map(({ lessonId, lessonTitle, quiz }, s) => (
        <Sheet key={lessonId} id={`${idPrefix}sheet-${s + 1}`} title={t("quizFrom", { lesson: lessonTitle })} notes={[quiz.title]}>
          <ol className="material-questions">
            {quiz.questions.map((q, i) => (
              <li key={q.id} className="material-question">
                <p className="material-question-prompt">
                  {t("quizQuestion", { number: i + 1 })}. {q.prompt}
                </p>
                <QuestionBody q={q} w={w} />
              </li>
            ))}
          </ol>
        </Sheet>
      ))}

      <KeySheet id={`${idPrefix}key`} heading={t("key")} title={material.title} howToUse={t("howToUse")} instructions={material.instructions} labels={labels}>
        {quizzes.map(({ lessonId, lessonTitle, quiz }) => (
          <section key={lessonId} aria-labelledby={`${idPrefix}key-${lessonId}`}>
            <h3 id={`${idPrefix}key-${lessonId}`}>{t("quizFrom", { lesson: lessonTitle })}</h3>
            <ol className="material-questions">
              {quiz.questions.map((q, i) => (
                <li key={q.id} className="material-question">
                  <p className="material-question-prompt">{t("quizQuestion", { number: i + 1 })}</p>
                  <ul className="material-options">
                    {answerOf(q, w).map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                  </ul>
                  <p>{q.explanation}</p>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </KeySheet>
    </>
  );
}
