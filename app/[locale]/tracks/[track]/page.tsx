import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allTrackParams, contentPath, getCourse, getTrack, getVersion } from "@/lib/content";
import { blockLang, TranslationNotice } from "@/components/ui/translation-notice";
import { trackNames } from "@/components/track/names";
import { PlanGroups, type PlanGroupsLabels } from "@/components/track/plan-groups";
import { SchoolTrackView } from "@/components/track/school-track";
import { SelfPacedTrackView } from "@/components/track/self-paced-track";
import { WorkshopTrackView } from "@/components/track/workshop-track";

export function generateStaticParams() {
  return allTrackParams();
}

type Props = PageProps<"/[locale]/tracks/[track]">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, track } = await props.params;
  const found = getTrack(locale, track);
  return found ? { title: found.title, description: found.summary } : {};
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
  const version = getVersion(locale, contentPath.track(track.id));
  const lang = blockLang(locale, version);
  const names = trackNames(locale, track, course, { pre: ta("preTitle"), post: ta("postTitle") });

  return (
    <div className="container">
      <Breadcrumbs locale={locale} items={[{ label: ts("tracks"), href: `/${locale}/tracks` }, { label: track.title }]} />
      <article className="reading track">
        <p className="eyebrow">{t(`kind.${track.kind}`)}</p>
        <h1 lang={lang}>{track.title}</h1>
        <TranslationNotice locale={locale} version={version} kind="track" href={`/${locale}/tracks/${track.id}`} />
        <p className="lead" lang={lang}>
          {track.summary}
        </p>
        <p lang={lang}>{track.audience}</p>
        <p className="meta dotted">
          <span>
            {track.kind === "workshop" && t("minutes", { minutes: track.minutes })}
            {track.kind === "self-paced" && t("hours", { hours: track.hours })}
            {track.kind === "school" && t("lessonCount", { count: track.lessons.length })}
          </span>
          <span>{t.rich("course", { title: course.title, link: (c) => <Link href={`/${locale}/courses/${course.id}`}>{c}</Link> })}</span>
        </p>

        {/* The page is static: the facilitator's own groups on this plan are listed in the browser. */}
        <PlanGroups locale={locale} track={track.id} labels={t.raw("planGroups") as PlanGroupsLabels} />

        <div lang={lang}>
          {track.kind === "workshop" && <WorkshopTrackView locale={locale} track={track} names={names} />}
          {track.kind === "self-paced" && <SelfPacedTrackView locale={locale} track={track} names={names} />}
          {track.kind === "school" && <SchoolTrackView locale={locale} track={track} names={names} />}
        </div>
      </article>
    </div>
  );
}
