import { getTranslations } from "next-intl/server";
import { cardSheets, ideologyMix, IDEOLOGIES } from "@/lib/content/materials";
import type { MarkdownLabels } from "@/components/lesson/markdown-html";
import { KeySheet, Sheet } from "./sheet";
import type { MaterialOf } from "./types";

/**
 * A card set: sheets of eight cards with shared dashed cut lines, then the answer key, which
 * names each card's pile (and trick), why, and the ideologies the concerning cards draw on.
 */
export async function CardSet({ locale, material, labels, idPrefix = "" }: { locale: string; material: MaterialOf<"cards">; labels: MarkdownLabels; idPrefix?: string }) {
  const t = await getTranslations({ locale, namespace: "materials" });
  const sheets = cardSheets(material.cards.map((card, i) => ({ card, number: i + 1 })));
  const piles = new Map(material.piles.map((p) => [p.id, p.label]));
  const mix = ideologyMix(material.cards);
  const ideologies = IDEOLOGIES.filter((i) => mix[i]).map((i) => `${t(`ideology.${i}`)} (${mix[i]})`);
  const hasPairs = material.cards.some((c) => c.pair);

  return (
    <>
      {sheets.map((sheet, s) => (
        <Sheet
          key={s}
          id={`${idPrefix}sheet-${s + 1}`}
          title={material.title}
          notes={[`${t("sheet", { number: s + 1, total: sheets.length })}. ${t("cutLines")}`, t("invented")]}
          className="material-sheet"
        >
          <ol className="material-cards" start={sheet[0].number}>
            {sheet.map(({ card, number }) => (
              <li key={card.id} className="material-card">
                <p className="material-card-label">{t("cardNumber", { number })}</p>
                <p className="material-card-text">{card.text}</p>
              </li>
            ))}
          </ol>
        </Sheet>
      ))}

      <KeySheet id={`${idPrefix}key`} heading={t("key")} title={material.title} howToUse={t("howToUse")} instructions={material.instructions} labels={labels}>
        <table className="material-table">
          <thead>
            <tr>
              <th scope="col">{t("keyItem")}</th>
              {material.piles.length > 0 && <th scope="col">{t("keyAnswer")}</th>}
              <th scope="col">{t("keyWhy")}</th>
            </tr>
          </thead>
          <tbody>
            {material.cards.map((c, i) => (
              <tr key={c.id}>
                <th scope="row">
                  {t("cardNumber", { number: i + 1 })}
                  <span className="material-quote">{c.text}</span>
                </th>
                {material.piles.length > 0 && (
                  <td>
                    {c.answer && piles.get(c.answer)}
                    {c.technique && <span className="material-quote">{t("keyTechnique", { technique: t(`technique.${c.technique}`) })}</span>}
                  </td>
                )}
                <td>{c.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {hasPairs && <p>{t("keyPair")}</p>}
        {ideologies.length > 0 && <p>{t("keyIdeologies", { list: ideologies.join(", ") })}</p>}
        {material.keyNote && <p>{material.keyNote}</p>}
      </KeySheet>
    </>
  );
}
