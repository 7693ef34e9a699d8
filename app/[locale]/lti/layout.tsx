import { getTranslations } from "next-intl/server";

/**
 * The LTI pages, shown inside a school's learning platform. They may be framed by the registered
 * platforms only (proxy.ts, lib/lti/frame-policy.ts); every other page of the app may not, so the
 * bar's links open in a new tab rather than in the frame (components/lti/lti.css hides the site's
 * own header and footer here).
 */
export default async function LtiLayout(props: LayoutProps<"/[locale]/lti">) {
  const { locale } = await props.params;
  const [t, ts] = await Promise.all([getTranslations({ locale, namespace: "lti" }), getTranslations({ locale, namespace: "site" })]);
  return (
    <div className="lti-frame">
      <div className="lti-bar" role="navigation" aria-label={t("barLabel")}>
        <a className="brand" href={`/${locale}`} target="_blank" rel="noopener">
          <span className="brand-name">{ts("name")}</span>
        </a>
        <a href={`/${locale}/help`} target="_blank" rel="noopener">
          {ts("emergencyLink")}
        </a>
      </div>
      {props.children}
    </div>
  );
}
