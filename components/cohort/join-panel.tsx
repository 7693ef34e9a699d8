import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { JoinCode } from "./join-code";
import { QrCode } from "./qr-code";
import { joinUrl } from "./request-origin";
import "./cohort.css";
import "./join-sheet.css";

/** How learners get in: the code, the link, its QR code, and the printable sheet. */
export async function JoinPanel({ locale, cohortId, code, archived }: { locale: string; cohortId: string; code: string; archived: boolean }) {
  const [t, url] = await Promise.all([getTranslations({ locale, namespace: "facilitate.join" }), joinUrl(locale, code)]);
  return (
    <section aria-labelledby="join-title" className="cohort-section">
      <h2 id="join-title">{t("title")}</h2>
      {archived && <p className="cohort-notice">{t("archived")}</p>}
      <div className="join-panel card">
        <div className="join-details">
          <p className="join-lead">{t("lead")}</p>
          <dl className="join-list">
            <dt>{t("code")}</dt>
            <dd>
              <JoinCode code={code} />
            </dd>
            <dt>{t("link")}</dt>
            <dd>
              <a className="join-url" href={url}>
                {url}
              </a>
            </dd>
          </dl>
          <p className="join-sheet-link">
            <Link className="button secondary" href={`/${locale}/facilitate/${cohortId}/join-sheet`}>
              {t("print")}
            </Link>
          </p>
        </div>
        <QrCode value={url} label={t("qr", { url })} />
      </div>
    </section>
  );
}
