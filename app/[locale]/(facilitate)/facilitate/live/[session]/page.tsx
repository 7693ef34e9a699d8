import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { signInPath } from "@/lib/http/redirect";
import { liveControlScreen } from "@/lib/live/page-data";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import type { ControlLabels } from "@/components/live/labels";
import { LiveControl } from "@/components/live/live-control";

type Props = PageProps<"/[locale]/facilitate/live/[session]">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "liveFacilitator.control" });
  return { title: t("title"), robots: { index: false } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Only the session's controllers get the page; anyone else the 404 page (a guessed id reveals nothing). */
async function screenFor(sessionId: string, locale: string) {
  const user = await currentUser();
  if (!user) redirect(signInPath(locale, `/${locale}/facilitate/live/${encodeURIComponent(sessionId)}`));
  if (!UUID.test(sessionId)) notFound();
  try {
    return await liveControlScreen(user, sessionId);
  } catch (e) {
    if (e instanceof AppError && (e.status === 404 || e.status === 403 || e.status === 400)) notFound();
    throw e;
  }
}

export default async function LiveControlPage(props: Props) {
  const { locale, session } = await props.params;
  setRequestLocale(locale);
  const screen = await screenFor(session, locale);
  const t = await getTranslations({ locale, namespace: "liveFacilitator" });
  const groups = await getTranslations({ locale, namespace: "facilitate.groups" });
  return (
    <div className="container">
      <Breadcrumbs locale={locale} items={[{ label: groups("title"), href: `/${locale}/facilitate` }, { label: t("control.title") }]} />
      <h1>{t("control.title")}</h1>
      <LiveControl sessionId={screen.session.id} locale={locale} initial={screen.view} addable={screen.addable} labels={{ ...t.raw("control"), ...t.raw("form") } as ControlLabels} />
    </div>
  );
}
