import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";

export async function generateMetadata(props: PageProps<"/[locale]/sign-in">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("signInTitle"), robots: { index: false } };
}

export default async function SignInPage(props: PageProps<"/[locale]/sign-in">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  return <AuthPage locale={locale} mode="sign-in" />;
}
