// The room view's reports as an async server component, streamed behind Suspense after the
// page's access check. What it reads holds no names (lib/cohorts/room.ts), so none reaches the
// page's HTML or its data either, not only the screen.
import "server-only";
import { getTranslations } from "next-intl/server";
import { readRoomReports, unlessReadable } from "./cohort-data";
import { languageNames } from "./language-names";
import { RoomReports, type RoomReportLabels } from "./room-reports";

export async function RoomReportsSection({ cohortId, locale, signIn }: { cohortId: string; locale: string; signIn: string }) {
  const [result, t] = await Promise.all([readRoomReports(cohortId), getTranslations({ locale, namespace: "facilitate" })]);
  unlessReadable(result, signIn);
  const labels: RoomReportLabels = { live: t.raw("live"), room: t.raw("room"), items: t.raw("items"), learning: t.raw("learning") };
  return <RoomReports cohortId={cohortId} locale={locale} initial={result.data} labels={labels} languages={languageNames(locale)} />;
}
