import { getTranslations } from "next-intl/server";
import { LessonBody } from "@/components/lesson/lesson-body";
import { trackMarkdown } from "@/components/track/markdown";
import { itemCount } from "@/lib/content/materials";
import type { Material } from "@/lib/content";
import type { MarkdownLabels } from "@/components/lesson/markdown-html";
import { CardSet } from "./card-set";
import { ChatSheet } from "./chat-sheet";
import { FormSheet } from "./form-sheet";
import { LetterSheet } from "./letter-sheet";
import { QuizPrint } from "./quiz-print";
import { TimelineSheet } from "./timeline-sheet";
import type { PrintQuiz } from "./types";
import "./materials.css";

/**
 * One printable set: on screen an introduction (what it is, copies, how to use), then the sheets
 * as they print; on paper only the sheets, each on its own page, the answer key last.
 */
export async function MaterialView({ locale, material, quizzes }: { locale: string; material: Material; quizzes: PrintQuiz[] }) {
  const [t, tl] = await Promise.all([getTranslations({ locale, namespace: "materials" }), getTranslations({ locale, namespace: "lesson" })]);
  const labels = { fictional: tl("fictional"), table: tl("table") };

  return (
    <article className="material" aria-labelledby="material-title">
      <header className="material-intro">
        <p className="eyebrow dotted">
          <span>{t(`kind.${material.kind}`)}</span>
          <span>{t(`count.${material.kind}`, { count: itemCount(material) })}</span>
        </p>
        <h1 id="material-title">{material.title}</h1>
        <p className="lead">{material.summary}</p>
        {material.copies && <p>{t("copies", { copies: material.copies })}</p>}
        <section aria-labelledby="how-to-use">
          <h2 id="how-to-use">{t("howToUse")}</h2>
          <LessonBody markdown={trackMarkdown(material.instructions, 3)} labels={labels} />
        </section>
      </header>

      <div className="material-sections">
        <MaterialSheets locale={locale} material={material} quizzes={quizzes} labels={labels} />
      </div>
    </article>
  );
}

/**
 * A set's printed sheets, its answer key last on sheets of its own. `idPrefix` keeps ids apart
 * when several sets print on one page (a school lesson's student pack).
 */
export function MaterialSheets(props: { locale: string; material: Material; quizzes: PrintQuiz[]; labels: MarkdownLabels; idPrefix?: string }) {
  const { locale, material, quizzes, labels, idPrefix } = props;
  return (
    <>
      {material.kind === "cards" && <CardSet locale={locale} material={material} labels={labels} idPrefix={idPrefix} />}
      {material.kind === "timeline" && <TimelineSheet locale={locale} material={material} labels={labels} idPrefix={idPrefix} />}
      {material.kind === "chat" && <ChatSheet locale={locale} material={material} labels={labels} idPrefix={idPrefix} />}
      {material.kind === "letter" && <LetterSheet locale={locale} material={material} labels={labels} idPrefix={idPrefix} />}
      {material.kind === "form" && <FormSheet locale={locale} material={material} idPrefix={idPrefix} />}
      {material.kind === "quiz" && <QuizPrint locale={locale} material={material} quizzes={quizzes} labels={labels} idPrefix={idPrefix} />}
    </>
  );
}
