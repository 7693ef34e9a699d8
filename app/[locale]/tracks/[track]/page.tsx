import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allTrackParams, getBoosters, getCourse, getForms, getMaterials, getScenario, getTrack, type Course, type Track } from "@/lib/content";
import { SchoolTrackView } from "@/components/track/school-track";
import { SelfPacedTrackView } from "@/components/track/self-paced-track";
import { WorkshopTrackView } from "@/components/track/workshop-track";
import type { TrackNames } from "@/components/track/types";
import { shownCount } from "@/lib/quiz/experiments";

export function generateStaticParams() {
  return allTrackParams();
}

type Props = PageProps<"/[locale]/tracks/[track]">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, track } = await props.params;
  const found = getTrack(locale, track);
  return found ? { title: found.title, description: found.summary } : {};
}

/** Titles of the course's lessons, modules, scenarios, boosters and checks, and the track's materials, that a track links to. */
function trackNames(locale: string, track: Track, course: Course, slotTitles: Record<"pre" | "post", string>): TrackNames {
  const form = getForms(locale, course.id).a;
  const scenarioIds = track.kind === "workshop" ? track.parts.flatMap((p) => (p.scenario ? [p.scenario] : [])) : [];
  return {
    lessons: Object.fromEntries(course.modules.flatMap((m) => m.lessons.map((l) => [l.id, l.title]))),
    modules: Object.fromEntries(course.modules.map((m) => [m.id, m.title])),
    scenarios: Object.fromEntries(scenarioIds.map((id) => [id, getScenario(locale, course.id, id)?.title ?? id])),
    // By file id, as tracks name them (getBoosters' ids are file ids; the quiz id is "booster-<id>").
    boosters: Object.fromEntries(getBoosters(locale, course.id).map((b) => [b.id, b.title])),
    // A slot is taken on form A or B (parallel: as many questions shown on either); it is named by the slot.
    assessments: form ? { pre: { title: slotTitles.pre, questions: shownCount(form) }, post: { title: slotTitles.post, questions: shownCount(form) } } : {},
    materials: Object.fromEntries(getMaterials(locale, track.id).map((m) => [m.id, m.title])),
  };
}

export default async function TrackPage(props: Props) {
  const { locale, track: trackId } = await props.params;
  setRequestLocale(locale);
  const track = getTrack(locale, trackId);
  const course = track && getCourse(locale, track.course);
  if (!track || !course) notFound();
  const [t, ts, ta] = await Promise.all([
    getTranslations({ locale, namespace: "tracks" }),
    getTranslations({ locale, namespace: "site" }),
    getTranslations({ locale, namespace: "assessment" }),
  ]);
  const names = trackNames(locale, track, course, { pre: ta("preTitle"), post: ta("postTitle") });

  return (
    <div className="container">
      <Breadcrumbs locale={locale} items={[{ label: ts("tracks"), href: `/${locale}/tracks` }, { label: track.title }]} />
      <article className="reading track">
        <p className="eyebrow">{t(`kind.${track.kind}`)}</p>
        <h1>{track.title}</h1>
        <p className="lead">{track.summary}</p>
        <p>{track.audience}</p>
        <p className="meta dotted">
          <span>
            {track.kind === "workshop" && t("minutes", { minutes: track.minutes })}
            {track.kind === "self-paced" && t("hours", { hours: track.hours })}
            {track.kind === "school" && t("lessonCount", { count: track.lessons.length })}
          </span>
          <span>{t.rich("course", { title: course.title, link: (c) => <Link href={`/${locale}/courses/${course.id}`}>{c}</Link> })}</span>
        </p>

        {track.kind === "workshop" && <WorkshopTrackView locale={locale} track={track} names={names} />}
        {track.kind === "self-paced" && <SelfPacedTrackView locale={locale} track={track} names={names} />}
        {track.kind === "school" && <SchoolTrackView locale={locale} track={track} names={names} />}
      </article>
    </div>
  );
}
