import { getTranslations } from "next-intl/server";
import { Sheet, WriteLines } from "./sheet";
import type { MaterialOf } from "./types";

/** A paper form (a feedback form, a help card): with circles to ring, boxes to tick and lines to write on. No key. */
export async function FormSheet({ locale, material, idPrefix = "" }: { locale: string; material: MaterialOf<"form">; idPrefix?: string }) {
  const t = await getTranslations({ locale, namespace: "materials" });
  return (
    <Sheet id={`${idPrefix}sheet-1`} title={material.title} notes={[material.intro]} className="material-form">
      <ol className="material-questions">
        {material.questions.map((q, i) => (
          <li key={q.id} className="material-question">
            <p className="material-question-prompt">
              {i + 1}. {q.text}
            </p>
            {q.type === "scale" && (
              <>
                <p className="meta">{t("formScale", { low: q.low, high: q.high })}</p>
                <p aria-hidden="true">
                  {[1, 2, 3, 4, 5].map((n) => (
                    <span key={n} className="material-circle">
                      {n}
                    </span>
                  ))}
                </p>
              </>
            )}
            {q.type === "choice" && (
              <>
                <p className="meta">{t("formChoice")}</p>
                <ul className="material-options">
                  {q.options.map((o) => (
                    <li key={o}>
                      <span className="material-box" aria-hidden="true" />
                      {o}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {q.type === "open" && <WriteLines count={q.lines} />}
          </li>
        ))}
      </ol>
    </Sheet>
  );
}
