import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { projectorViewFor } from "@/lib/live/page-data";
import { QrCode } from "@/components/cohort/qr-code";
import { joinUrl } from "@/components/cohort/request-origin";
import { LiveProjector } from "@/components/live/projector";
import { projectorLabels } from "@/components/live/projector-labels";
import { fill } from "@/components/ui/fill";

type Props = PageProps<"/[locale]/facilitate/live/[session]/projector">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "liveProjector" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * A live session's projector, for the people who run it (anyone else: not found). The first view
 * and the QR code of the join address are drawn here; the island then follows the session.
 */
export default async function LiveProjectorPage(props: Props) {
  const { locale, session } = await props.params;
  setRequestLocale(locale);
  const actor = await currentUser();
  if (!actor) redirect(signInPath(locale, `/${locale}/facilitate/live/${session}/projector`));
  const initial = await projectorViewFor(actor, session);
  if (!initial) notFound();
  const [url, labels] = await Promise.all([joinUrl(locale, initial.code), projectorLabels(locale)]);
  const qr = <QrCode value={url} label={fill(labels.text.qrLabel, { url })} className="live-qr" />;
  return <LiveProjector sessionId={session} initial={initial} qr={qr} joinUrl={url} labels={labels} />;
}
