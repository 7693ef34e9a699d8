// The printed certificate: one page on A4 or US Letter, in the reader's language, with the
// achievement in the words it was issued in, the printed name (or "Name not shown"), the issuer
// and date, and a QR code with the address of its public check page. Server component.
import { QrCode } from "@/components/cohort/qr-code";
import { formatDay } from "@/components/ui/dates";
import type { CredentialSummaryView } from "./types";

export type SheetLabels = Record<"heading" | "awardedTo" | "noName" | "criteria" | "issuedBy" | "check" | "qr" | "withdrawn", string>;

export function CertificateSheet({ summary, verifyUrl, locale, labels, withdrawn }: { summary: CredentialSummaryView; verifyUrl: string; locale: string; labels: SheetLabels; withdrawn: boolean }) {
  return (
    <article className="certificate-sheet" aria-labelledby="certificate-heading">
      <p className="certificate-issuer">
        <bdi>{summary.issuerName}</bdi>
      </p>
      <h1 id="certificate-heading" className="certificate-heading">
        {labels.heading}
      </h1>
      {withdrawn && <p className="certificate-withdrawn">{labels.withdrawn}</p>}
      <p className="certificate-label">{labels.awardedTo}</p>
      <p className="certificate-name">{summary.name ? <bdi>{summary.name}</bdi> : <span className="certificate-no-name">{labels.noName}</span>}</p>
      <h2 className="certificate-achievement" lang={summary.locale}>
        {summary.achievementName}
      </h2>
      <p className="certificate-label">{labels.criteria}</p>
      <p className="certificate-criteria" lang={summary.locale}>
        {summary.criteria}
      </p>
      <p className="certificate-issued">{labels.issuedBy.replace("{issuer}", summary.issuerName).replace("{date}", formatDay(summary.issuedAt, locale))}</p>
      <div className="certificate-check">
        <QrCode value={verifyUrl} label={labels.qr} className="qr-code certificate-qr" />
        <p>
          {labels.check}
          <br />
          <a href={verifyUrl} dir="ltr" className="certificate-url">
            {verifyUrl}
          </a>
        </p>
      </div>
    </article>
  );
}
