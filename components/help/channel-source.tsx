import { getTranslations } from "next-intl/server";
import type { Country } from "./contact";

/** How sure we are of a country's channels, where they come from, and when someone last checked. */
export async function ChannelSource({ locale, country, withNote = false }: { locale: string; country: Country; withNote?: boolean }) {
  const t = await getTranslations({ locale, namespace: "help" });
  const s = country.source;
  return (
    <div className="channel-source">
      <p className={`channel-confidence ${country.confidence}`}>{t(country.confidence === "high" ? "confidenceHigh" : "confidenceMedium")}</p>
      <p>
        {t.rich("source", {
          title: s.title,
          publisher: s.publisher,
          date: s.date,
          cite: (chunks) =>
            s.url ? (
              <a href={s.url} rel="noopener noreferrer">
                {chunks}
              </a>
            ) : (
              <cite>{chunks}</cite>
            ),
          time: (chunks) => <time dateTime={s.date}>{chunks}</time>,
        })}
        {withNote && s.note && ` ${s.note}`}
      </p>
      <p className="channel-verified">
        {t.rich("lastVerified", { date: country.lastVerified, time: (chunks) => <time dateTime={country.lastVerified}>{chunks}</time> })}
      </p>
    </div>
  );
}
