import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PhoneView } from "@/components/live/phone-view";
import { PHONE_LABEL_KEYS, type PhoneStrings } from "@/components/live/phone-labels";
import { quizLabels } from "@/components/quiz/quiz-labels";
import { phoneViewFor } from "@/lib/live/page-data";

export const metadata: Metadata = { robots: { index: false } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A live session on a participant's phone: the current step, followed as the facilitator paces it. */
export default async function LivePhonePage(props: PageProps<"/[locale]/live/[session]">) {
  const { locale, session } = await props.params;
  setRequestLocale(locale);
  if (!UUID.test(session)) notFound();
  const [phone, t, quiz] = await Promise.all([phoneViewFor(session), getTranslations({ locale, namespace: "livePhone" }), quizLabels(locale)]);
  if (!phone) notFound();
  const strings = Object.fromEntries(PHONE_LABEL_KEYS.map((k) => [k, t.raw(k) as string])) as PhoneStrings;
  return (
    <div className="container">
      <div className="narrow">
        <PhoneView sessionId={session} initial={phone.view} labels={{ phone: strings, quiz }} courseHref={`/${locale}/courses/${phone.courseId}`} />
      </div>
    </div>
  );
}
