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
        </li>
      ))}
    </ul>
  );
}
