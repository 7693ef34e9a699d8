import { getTranslations } from "next-intl/server";
import { telHref, webHref, type Contact } from "./contact";

/**
 * Official routes: each with its name, a phone number to call and a web address to open. With
 * `detailed` (the help page), also who answers, what happens next, the hours, and the day the
 * route was checked against its official page; the printed card keeps only the essentials.
 */
export async function ContactList({ locale, contacts, detailed = false }: { locale: string; contacts: Contact[]; detailed?: boolean }) {
  const t = await getTranslations({ locale, namespace: "help" });
  return (
    <ul className="contact-list">
      {contacts.map((c) => (
        <li key={`${c.name}-${c.phone ?? c.url ?? ""}`}>
          <strong className="contact-name">{c.name}</strong>
          {c.phone && (
            <span className="contact-line">
              {t.rich("phone", {
                number: c.phone,
                link: () => (
                  <a href={telHref(c.phone!)}>
                    {/* A number never breaks across lines; "CALL-FBI (1-800-…)" may break before the bracket. */}
                    {c.phone!.split(/\s+(?=\()/).map((part, i) => (
                      <span key={part}>
                        {i > 0 && " "}
                        <span className="phone-part">{part}</span>
                      </span>
                    ))}
                  </a>
                ),
              })}
            </span>
          )}
          {c.url && (
            <span className="contact-line">
              {t.rich("web", {
                url: c.url,
                link: (chunks) => (
                  <a href={webHref(c.url!)} rel="noopener noreferrer">
                    {chunks}
                  </a>
                ),
              })}
            </span>
          )}
          {c.note && <span className="contact-note">{c.note}</span>}
          {detailed && <RouteFacts locale={locale} contact={c} />}
        </li>
      ))}
    </ul>
  );
}

/** Who answers, what happens next, hours, and where and when the route was checked. */
async function RouteFacts({ locale, contact: c }: { locale: string; contact: Contact }) {
  const t = await getTranslations({ locale, namespace: "help" });
  // Link text names the place checked: the page's title, or else its site.
  const place = c.source?.title ?? (c.source?.url ? new URL(c.source.url).hostname : undefined);
  return (
    <span className="route-facts">
      {c.whoAnswers && <span className="route-fact">{t.rich("whoAnswers", { text: c.whoAnswers, label: (chunks) => <strong>{chunks}</strong> })}</span>}
      {c.whatHappens && <span className="route-fact">{t.rich("whatHappens", { text: c.whatHappens, label: (chunks) => <strong>{chunks}</strong> })}</span>}
      {c.hours && <span className="route-fact">{t.rich("hours", { text: c.hours, label: (chunks) => <strong>{chunks}</strong> })}</span>}
      <span className="route-checked">
        {c.source?.url && place
          ? t.rich("checkedAgainst", {
              date: c.lastVerified,
              time: (chunks) => <time dateTime={c.lastVerified}>{chunks}</time>,
              place,
              link: (chunks) => (
                <a href={c.source!.url} rel="noopener noreferrer">
                  {chunks}
                </a>
              ),
            })
          : t.rich("checkedOn", { date: c.lastVerified, time: (chunks) => <time dateTime={c.lastVerified}>{chunks}</time> })}
        {c.confidence === "medium" && <span className="channel-confidence medium"> {t("routeConfidenceMedium")}</span>}
      </span>
    </span>
  );
}
