import { getTranslations } from "next-intl/server";
import { JoinCodeForm } from "./join-code-form";

/** The code form with its words, for the join page and the "no group has that code" page. */
export async function JoinCodeEntry({ locale, prefillFromPath = false }: { locale: string; prefillFromPath?: boolean }) {
  const [t, ta] = await Promise.all([getTranslations({ locale, namespace: "join" }), getTranslations({ locale, namespace: "auth" })]);
  const labels = {
    codeLabel: t("codeLabel"),
    codeHint: t("codeHint"),
    codeSubmit: t("codeSubmit"),
    codeMissing: t("codeMissing"),
    codeShape: t("codeShape"),
    errorTitle: ta("errorTitle"),
    working: ta("working"),
  };
  return <JoinCodeForm locale={locale} labels={labels} prefillFromPath={prefillFromPath} />;
}
