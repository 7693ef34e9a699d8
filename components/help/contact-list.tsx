import { getTranslations } from "next-intl/server";
import { telHref, webHref, type Contact } from "./contact";

/** Official routes: each with its name, a phone number to call and a web address to open. */
export async function ContactList({ locale, contacts }: { locale: string; contacts: Contact[] }) {
  const t = await getTranslations({ locale, namespace: "help" });
  return (
    <ul className="contact-list">
      {contacts.map((c) => (
        <li key={`${c.name}-${c.phone ?? c.url ?? ""}`}>
          <strong className="contact-name">{c.name}</strong>
          {c.phone && (
            <span className="contact-line">
              {t.rich("phone", { number: c.phone, link: (chunks) => <a href={telHref(c.phone!)}>{chunks}</a> })}
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
        </li>
      ))}
    </ul>
  );
}
