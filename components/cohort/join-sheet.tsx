import { getTranslations } from "next-intl/server";
import { JoinCode } from "./join-code";
import { QrCode } from "./qr-code";
import { joinUrl } from "./request-origin";
import { NAME_SLOT, withNames } from "@/components/ui/user-text";
import "./cohort.css";
import "./join-sheet.css";

/** One printed page for the door or the projector: name, big code, link, QR, how to join. */
export async function JoinSheet({ locale, name, code, archived }: { locale: string; name: string; code: string; archived: boolean }) {
  const [t, ts, url] = await Promise.all([
    getTranslations({ locale, namespace: "facilitate.sheet" }),
    getTranslations({ locale, namespace: "site" }),
    joinUrl(locale, code),
  ]);
  return (
    <article className="join-sheet" aria-labelledby="sheet-title">
      <p className="join-sheet-brand">{ts("name")}</p>
      <h1 id="sheet-title">{withNames(t("heading", { name: NAME_SLOT }), name)}</h1>
      {archived && <p className="cohort-notice">{t("archived")}</p>}
      <div className="join-sheet-main">
        <QrCode value={url} label={t("qr", { url })} className="qr-code join-sheet-qr" />
        <div className="join-sheet-code">
          <p className="join-sheet-label">{t("codeLabel")}</p>
          <JoinCode code={code} className="join-code join-code-sheet" />
          <p className="join-sheet-label">{t("linkLabel")}</p>
          <p className="join-sheet-url">{url}</p>
        </div>
      </div>
      <h2>{t("howTitle")}</h2>
      <ol className="join-steps">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
        <li>
          <strong>{t("step3Title")}</strong> {t("step3")}
        </li>
      </ol>
      <p className="join-sheet-note">{t("haveAccount")}</p>
      <p className="join-sheet-note">{t("privacy")}</p>
    </article>
  );
}
