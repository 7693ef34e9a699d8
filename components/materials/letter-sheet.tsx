import { getTranslations } from "next-intl/server";
import { LessonBody } from "@/components/lesson/lesson-body";
import type { MarkdownLabels } from "@/components/lesson/markdown-html";
import { trackMarkdown } from "@/components/track/markdown";
import { Sheet } from "./sheet";
import type { MaterialOf } from "./types";

/** The letter home: the school's details to fill in, then the letter. It has no key. */
export async function LetterSheet({ locale, material, labels, idPrefix = "" }: { locale: string; material: MaterialOf<"letter">; labels: MarkdownLabels; idPrefix?: string }) {
  const t = await getTranslations({ locale, namespace: "materials" });
  return (
    <Sheet id={`${idPrefix}sheet-1`} title={material.title} notes={[t("letterFill")]} className="material-letter">
      {material.fields.map((f) => (
        <p key={f.id} className="material-write-in">
          <span>{f.label}</span>
          <span className="material-line" aria-hidden="true" />
        </p>
      ))}
      <LessonBody markdown={trackMarkdown(material.body, 3)} labels={labels} />
    </Sheet>
  );
}
