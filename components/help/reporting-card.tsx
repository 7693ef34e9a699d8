import { getTranslations } from "next-intl/server";
import { ChannelSource } from "./channel-source";
import { ContactList } from "./contact-list";
import { EmergencyNumbers } from "./emergency-numbers";
import type { Country } from "./contact";

/**
 * A one-page card to print and keep: emergency number, official routes, space to write the local
 * safeguarding contact, the three reminders, and where the numbers come from.
 */
export async function ReportingCard({ locale, country }: { locale: string; country: Country }) {
  const t = await getTranslations({ locale, namespace: "help" });
  return (
    <article className="reporting-card" aria-labelledby="card-title">
      <h1 id="card-title">{t("cardTitle", { country: country.name })}</h1>

      <section className="card-emergency" aria-labelledby="card-emergency-title">
        <h2 id="card-emergency-title">{t("emergencyTitle")}</h2>
        <EmergencyNumbers numbers={country.emergency} label={t("call")} or={t("or")} />
      </section>

      <div className="card-routes">
        <section aria-labelledby="card-report-title">
          <h2 id="card-report-title">{t("reportTitle")}</h2>
          {country.report.length > 0 ? <ContactList locale={locale} contacts={country.report} /> : <p>{country.advice.report ?? t("reportNone")}</p>}
        </section>
        <section aria-labelledby="card-worried-title">
          <h2 id="card-worried-title">{t("worriedTitle")}</h2>
          {country.advice.worried && <p className="contact-note">{country.advice.worried}</p>}
          {country.worried.length > 0 ? <ContactList locale={locale} contacts={country.worried} /> : !country.advice.worried && <p>{t("worriedNone")}</p>}
        </section>
      </div>

      <section className="card-local" aria-labelledby="card-local-title">
        <h2 id="card-local-title">{t("cardLocalTitle")}</h2>
        <p className="write-in">
          <span>{t("cardName")}</span>
          <span className="write-line" aria-hidden="true" />
        </p>
        <p className="write-in">
          <span>{t("cardNumber")}</span>
          <span className="write-line" aria-hidden="true" />
        </p>
      </section>

      <section className="card-remember" aria-labelledby="card-remember-title">
        <h2 id="card-remember-title">{t("rememberTitle")}</h2>
        <ul>
          <li>{t("remember1")}</li>
          <li>{t("remember2")}</li>
          <li>{t("remember3")}</li>
        </ul>
      </section>

      <footer className="card-footer">
        {country.note && <p>{country.note}</p>}
        <ChannelSource locale={locale} country={country} />
        <p>{t("noReports")}</p>
      </footer>
    </article>
  );
}
