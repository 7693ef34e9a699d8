import { getTranslations } from "next-intl/server";
import type { MarkdownLabels } from "@/components/lesson/markdown-html";
import { KeySheet, Sheet } from "./sheet";
import type { MaterialOf } from "./types";

/** The rumour timeline: the posts in time order with a box for each answer, then the key. */
export async function TimelineSheet({ locale, material, labels, idPrefix = "" }: { locale: string; material: MaterialOf<"timeline">; labels: MarkdownLabels; idPrefix?: string }) {
  const t = await getTranslations({ locale, namespace: "materials" });
  return (
    <>
      <Sheet id={`${idPrefix}sheet-1`} title={material.title} notes={[t("invented")]}>
        <p>
          <strong>{t("timelineEvent")}:</strong> {material.event}
        </p>
        <p>{t("timelineTask")}</p>
        <table className="material-table">
          <thead>
            <tr>
              <th scope="col">{t("timelineTime")}</th>
              <th scope="col">{t("timelineFrom")}</th>
              <th scope="col">{t("timelinePost")}</th>
              <th scope="col">{t("timelineYours")}</th>
            </tr>
          </thead>
          <tbody>
            {material.entries.map((e) => (
              <tr key={e.id} className="material-entry">
                <th scope="row">{e.time}</th>
                <td>{e.from}</td>
                <td>{e.text}</td>
                <td className="material-write" />
              </tr>
            ))}
          </tbody>
        </table>
      </Sheet>

      <KeySheet id={`${idPrefix}key`} heading={t("key")} title={material.title} howToUse={t("howToUse")} instructions={material.instructions} labels={labels}>
        <table className="material-table">
          <thead>
            <tr>
              <th scope="col">{t("timelineTime")}</th>
              <th scope="col">{t("keyAnswer")}</th>
              <th scope="col">{t("keyWhy")}</th>
            </tr>
          </thead>
          <tbody>
            {material.entries.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  {e.time}
                  <span className="material-quote">{e.text}</span>
                </th>
                <td>{t(`status.${e.status}`)}</td>
                <td>{e.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {material.keyNote && <p>{material.keyNote}</p>}
      </KeySheet>
    </>
  );
}
