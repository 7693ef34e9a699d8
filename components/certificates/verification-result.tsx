// What a verification found, said plainly: valid, withdrawn, changed or not issued here, and for
// a genuine credential what it says (the achievement, the printed name or "name not shown", when
// and by whom). Nothing else about the person: the credential holds nothing else. Server and
// client components alike (the page by id, and the file check).
import type { VerifyResultView } from "./types";

export type VerifyLabels = Record<
  "valid" | "revoked" | "withdrawn" | "tampered" | "unknownIssuer" | "unreadable" | "achievement" | "criteria" | "name" | "noName" | "issued" | "issuer" | "only",
  string
>;

const MESSAGE = { valid: "valid", revoked: "revoked", withdrawn: "withdrawn", tampered: "tampered", "unknown-issuer": "unknownIssuer", unreadable: "unreadable" } as const;

function formatDay(iso: string, locale: string) {
  return new Date(iso).toLocaleDateString(locale === "en" ? "en-GB" : locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function VerificationResult({ result, locale, labels, headingLevel = 2 }: { result: VerifyResultView; locale: string; labels: VerifyLabels; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const good = result.state === "valid";
  return (
    <section className={`verify-result ${good ? "verify-good" : "verify-bad"}`} aria-labelledby="verify-state">
      <Heading id="verify-state" className="verify-state">
        {labels[MESSAGE[result.state]]}
      </Heading>
      {"summary" in result && result.summary && (
        <dl className="verify-facts" lang={result.summary.locale}>
          <div>
            <dt lang={locale}>{labels.achievement}</dt>
            <dd>{result.summary.achievementName}</dd>
          </div>
          <div>
            <dt lang={locale}>{labels.criteria}</dt>
            <dd>{result.summary.criteria}</dd>
          </div>
          <div>
            <dt lang={locale}>{labels.name}</dt>
            <dd>{result.summary.name ? <bdi>{result.summary.name}</bdi> : <span lang={locale}>{labels.noName}</span>}</dd>
          </div>
          <div>
            <dt lang={locale}>{labels.issued}</dt>
            <dd lang={locale}>{formatDay(result.summary.issuedAt, locale)}</dd>
          </div>
          <div>
            <dt lang={locale}>{labels.issuer}</dt>
            <dd>
              <bdi>{result.summary.issuerName}</bdi> (<bdi dir="ltr">{result.summary.issuerId}</bdi>)
            </dd>
          </div>
        </dl>
      )}
      <p className="hint">{labels.only}</p>
    </section>
  );
}
