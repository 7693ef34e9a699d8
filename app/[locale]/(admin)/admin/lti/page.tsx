import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { adminPlatforms, toolValues } from "@/lib/lti/page-data";
import { PlatformForm, RemovePlatform, type PlatformFormLabels } from "@/components/lti/platform-form";
import { UserText } from "@/components/ui/user-text";

export async function generateMetadata(props: PageProps<"/[locale]/admin/lti">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "ltiAdmin" });
  return { title: t("title"), robots: { index: false } };
}

const FORM_KEYS = ["name", "issuer", "clientId", "authEndpoint", "jwksUrl", "tokenUrl", "audience", "deploymentIds"] as const;

/** Admins only: the values to paste into an LMS, and the LMSs registered as LTI 1.3 platforms. */
export default async function AdminLtiPage(props: PageProps<"/[locale]/admin/lti">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (!user) redirect(signInPath(locale, `/${locale}/admin/lti`));
  const [data, values, t, ta] = await Promise.all([adminPlatforms(), toolValues(), getTranslations({ locale, namespace: "ltiAdmin" }), getTranslations({ locale, namespace: "auth" })]);
  if (!data) notFound();
  const labels = {
    ...Object.fromEntries(FORM_KEYS.flatMap((k) => [[k, t(`field.${k}`)], [`${k}Hint`, t(`hint.${k}`)]])),
    save: t("save"),
    saving: ta("working"),
    saved: t("saved"),
    failed: ta("failed"),
  } as PlatformFormLabels;
  const valueKeys = ["toolUrl", "loginUrl", "redirectUrl", "jwksUrl", "deepLinkUrl"] as const;
  return (
    <div className="container">
      <h1>{t("title")}</h1>
      <p className="lead reading">{t("lead")}</p>

      <section aria-labelledby="tool-values-title" className="reading">
        <h2 id="tool-values-title">{t("valuesTitle")}</h2>
        <p>{t("valuesLead")}</p>
        <dl className="lti-values">
          {valueKeys.map((k) => (
            <div key={k}>
              <dt>{t(`value.${k}`)}</dt>
              <dd>
                <code dir="ltr">{values[k]}</code>
              </dd>
            </div>
          ))}
          <div>
            <dt>{t("value.keyType")}</dt>
            <dd>{t("value.keyTypeText")}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="platforms-title" className="reading">
        <h2 id="platforms-title">{t("platformsTitle")}</h2>
        {data.platforms.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="lti-platforms">
            {data.platforms.map((p) => (
              <li key={p.id}>
                <p>
                  <strong>
                    <UserText>{p.name}</UserText>
                  </strong>
                </p>
                <dl className="lti-values">
                  <dt>{t("field.issuer")}</dt>
                  <dd>
                    <code dir="ltr">{p.issuer}</code>
                  </dd>
                  <dt>{t("field.clientId")}</dt>
                  <dd>
                    <code dir="ltr">{p.clientId}</code>
                  </dd>
                  <dt>{t("field.deploymentIds")}</dt>
                  <dd>
                    <code dir="ltr">{p.deploymentIds.join(", ")}</code>
                  </dd>
                </dl>
                <RemovePlatform id={p.id} name={p.name} labels={{ remove: t("remove"), removing: ta("working"), failed: ta("failed") }} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="register-title" className="reading">
        <h2 id="register-title">{t("registerTitle")}</h2>
        <p>{t("registerLead")}</p>
        <PlatformForm labels={labels} />
      </section>
    </div>
  );
}
