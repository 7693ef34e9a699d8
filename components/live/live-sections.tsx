// The server-rendered parts of the facilitator pages that start or resume a live session: the
// "Live session" block of a group's page, "Run an ad hoc session" and the running sessions on
// /facilitate. Content is read here (lib/content) and passed to the islands as plain data.
import { getTranslations } from "next-intl/server";
import { getCourse, getCourses, getTracks } from "@/lib/content";
import type { RunningLiveSession } from "@/lib/live/running";
import { fill } from "@/components/ui/fill";
import { UserText } from "@/components/ui/user-text";
import { AdHocSessionForm, type AdHocCourse } from "./ad-hoc-session-form";
import type { AdHocLabels, StartLabels } from "./labels";
import { StartLiveSession } from "./start-live-session";

/** A group's "Live session": start one, or run the group's workshop plan live. */
export async function GroupLiveSection({ locale, cohort }: { locale: string; cohort: { id: string; locale: string; trackId: string; archived: boolean } }) {
  if (cohort.archived) return null;
  const t = await getTranslations({ locale, namespace: "liveFacilitator" });
  const plan = getTracks(cohort.locale).find((track) => track.id === cohort.trackId && track.kind === "workshop");
  return (
    <section id="live" aria-labelledby="live-ctl-title" className="cohort-section">
      <h2 id="live-ctl-title">{t("start.title")}</h2>
      <p className="section-lead">{t("start.lead")}</p>
      {plan && <p className="meta">{t("start.runPlanHint", { plan: plan.title })}</p>}
      <p className="meta">{t("start.startHint")}</p>
      <StartLiveSession locale={locale} cohortId={cohort.id} planId={plan?.id ?? null} labels={{ ...t.raw("start"), ...t.raw("form") } as StartLabels} />
    </section>
  );
}

/** "Run an ad hoc session": every course of this locale, with its workshop plans. */
export async function AdHocLiveSection({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "liveFacilitator" });
  const tracks = getTracks(locale);
  const courses: AdHocCourse[] = getCourses(locale).map((course) => ({
    id: course.id,
    title: course.title,
    plans: tracks.filter((track) => track.kind === "workshop" && track.course === course.id).map((track) => ({ id: track.id, title: track.title })),
  }));
  if (!courses.length) return null;
  return (
    <section aria-labelledby="live-ctl-adhoc-title" className="card live-ctl-block">
      <h2 id="live-ctl-adhoc-title">{t("adHoc.title")}</h2>
      <p>{t("adHoc.lead")}</p>
      <AdHocSessionForm locale={locale} courses={courses} labels={{ ...t.raw("adHoc"), ...t.raw("form") } as AdHocLabels} />
    </section>
  );
}

/** The facilitator's sessions that have not ended, each with a link back to its controls. */
export async function RunningLiveSessions({ locale, sessions }: { locale: string; sessions: RunningLiveSession[] }) {
  if (!sessions.length) return null;
  const t = await getTranslations({ locale, namespace: "liveFacilitator.running" });
  return (
    <section aria-labelledby="live-ctl-running-title" className="card live-ctl-block">
      <h2 id="live-ctl-running-title">{t("title")}</h2>
      <p>{t("lead")}</p>
      <ul className="live-ctl-running">
        {sessions.map((s) => (
          <li key={s.id}>
            <a href={`/${locale}/facilitate/live/${s.id}`}>
              {s.groupName ? <UserText>{s.groupName}</UserText> : t("adHoc")}, {fill(t.raw("code") as string, { code: s.code })}
            </a>
            <span className="meta">{getCourse(s.locale, s.courseId)?.title ?? s.courseId}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
