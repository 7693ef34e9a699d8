// The bias-check report (lib/cohorts/bias-report.ts), for a group's page and, course-wide, the
// admin page: per pair, the feature that differs, both versions' story, and once each version has
// enough learners, what they chose (a small table per version) and the difference in the share
// choosing the proportionate response, in plain words with its 95 % range. Rendered on the
// server (bias-section.tsx, the admin page) with their translators: the figures change slowly
// (ten learners per version at least), so they are not polled.
import type { getTranslations } from "next-intl/server";
import type { BiasPairView, BiasReportView, BiasVersionView } from "@/lib/cohorts/bias-report";
import "./cohort-reports.css";
import "./bias-report.css";

type T = Awaited<ReturnType<typeof getTranslations<"facilitate">>>;
type TQuiz = Awaited<ReturnType<typeof getTranslations<"quiz">>>;
type Heading = "h3" | "h4";

function VersionFigures({ v, t, tq, level }: { v: BiasVersionView; t: T; tq: (key: "true" | "false") => string; level: Heading }) {
  const Sub = level === "h3" ? "h4" : "h5";
  const name = t("bias.version", { version: v.version.toUpperCase() });
  return (
    <div className="bias-version">
      <Sub>{name}</Sub>
      <div className="bias-story">
        {v.vignette && <p>{v.vignette}</p>}
        <p>{v.prompt}</p>
      </div>
      {v.keyPercent !== null && v.keyRange && (
        <>
          {v.options && (
            <table className="bias-table">
              <caption>{t("bias.caption", { version: v.version.toUpperCase(), count: v.learners })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("bias.response")}</th>
                  <th scope="col" className="num">
                    {t("bias.share")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {v.options.map((o) => (
                  <tr key={o.id} className={o.key ? "is-key" : undefined}>
                    <th scope="row">
                      {o.text || tq(o.id === "true" ? "true" : "false")}
                      {o.key && <span className="bias-key"> ({t("bias.keyMark")})</span>}
                    </th>
                    <td className="num">{t("bias.percent", { percent: o.percent })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="bias-key-share">{t("bias.keyShare", { count: v.learners, percent: v.keyPercent, lower: v.keyRange[0], upper: v.keyRange[1] })}</p>
        </>
      )}
    </div>
  );
}

function DifferenceText({ pair, t, locale }: { pair: BiasPairView; t: T; locale: string }) {
  const d = pair.difference!;
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const range = { lower: f.format(d.lower), upper: f.format(d.upper) };
  const text = d.points === 0 ? t("bias.diffSame", range) : t(d.points > 0 ? "bias.diffMore" : "bias.diffLess", { ...range, points: f.format(Math.abs(d.points)) });
  const clear = d.lower > 0 || d.upper < 0;
  return (
    <div className={`bias-difference${clear ? " is-clear" : ""}`}>
      <p>
        <strong>{t("bias.difference")}:</strong> {text}
      </p>
      <p>{clear ? t("bias.clear") : t("bias.unclear")}</p>
    </div>
  );
}

/** `t`: the "facilitate" messages; `tq`: the "quiz" ones (the words for true and false). */
export function BiasReport({ report, locale, t, tq, level = "h3" }: { report: BiasReportView; locale: string; t: T; tq: TQuiz; level?: Heading }) {
  if (report.pairs.length === 0) return <p className="cohort-empty">{t("bias.none")}</p>;
  const H = level;
  return (
    <>
      <p className="section-lead">{t("bias.threshold", { min: report.minPerVersion })}</p>
      <p className="section-lead">{t("bias.rangeNote")}</p>
      <ul className="bias-list">
        {report.pairs.map((pair) => {
          const [a, b] = pair.versions;
          return (
            <li key={pair.id} className="bias-pair card">
              <H>{t(`bias.feature_${pair.feature}`)}</H>
              <p className="meta">{t("bias.in", { quiz: pair.quizTitle })}</p>
              <div className="bias-versions">
                <VersionFigures v={a} t={t} tq={(k) => tq(k)} level={level} />
                <VersionFigures v={b} t={t} tq={(k) => tq(k)} level={level} />
              </div>
              {pair.difference ? (
                <DifferenceText pair={pair} t={t} locale={locale} />
              ) : (
                <p className="cohort-notice">{t("bias.notEnough", { a: a.learners, b: b.learners, min: report.minPerVersion })}</p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
