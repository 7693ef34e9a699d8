import { getTranslations } from "next-intl/server";
import type { MarkdownLabels } from "@/components/lesson/markdown-html";
import { KeySheet, Sheet, WriteLines } from "./sheet";
import type { MaterialOf } from "./types";

/** The invented group chat, the task and lines for a reply; then replies that help and what to avoid. */
export async function ChatSheet({ locale, material, labels, idPrefix = "" }: { locale: string; material: MaterialOf<"chat">; labels: MarkdownLabels; idPrefix?: string }) {
  const t = await getTranslations({ locale, namespace: "materials" });
  return (
    <>
      <Sheet id={`${idPrefix}sheet-1`} title={material.title} notes={[t("invented")]}>
        <h3>{material.chatName}</h3>
        <ol className="material-chat">
          {material.messages.map((m) => (
            <li key={m.id}>
              <span className="material-chat-from">{m.from}</span>
              {m.text}
            </li>
          ))}
        </ol>
        <h3>{t("chatTask")}</h3>
        <p>{material.task}</p>
        <p className="material-write-in">
          <span>{t("chatWriteHere")}</span>
        </p>
        <WriteLines count={4} />
      </Sheet>

      <KeySheet id={`${idPrefix}key`} heading={t("key")} title={material.title} howToUse={t("howToUse")} instructions={material.instructions} labels={labels}>
        <h3>{t("chatReplies")}</h3>
        <table className="material-table">
          <thead>
            <tr>
              <th scope="col">{t("chatReply")}</th>
              <th scope="col">{t("keyWhy")}</th>
            </tr>
          </thead>
          <tbody>
            {material.replies.map((r) => (
              <tr key={r.id}>
                <td>{r.text}</td>
                <td>{r.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t("chatAvoid")}</h3>
        <ul>
          {material.avoid.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </KeySheet>
    </>
  );
}
