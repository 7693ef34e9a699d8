import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { activityUrl } from "@/lib/content/activity-id";
import type { CheckSlot } from "@/lib/quiz/experiments";
import type { SelfPacedTrack, TrackNames } from "./types";

type Step = SelfPacedTrack["steps"][number];

/** Where each step lives in the course: a module on the course page, an assessment, a booster. */
function stepHref(locale: string, course: string, step: Step): string {
  if (step.type === "module") return `/${locale}/courses/${course}#${step.id}`;
  // The content check allows only "pre" and "post" as an assessment step's id (lib/content/extras.ts).
  if (step.type === "assessment") return activityUrl({ kind: "check", course, slot: step.id as CheckSlot }, locale);
  return activityUrl({ kind: "booster", course, booster: step.id }, locale);
}

/** The learner's route through the course, in order, with a note on each step. */
export async function SelfPacedTrackView({ locale, track, names }: { locale: string; track: SelfPacedTrack; names: TrackNames }) {
  const t = await getTranslations({ locale, namespace: "tracks" });
  const title = (s: Step) =>
    s.type === "module"
      ? (names.modules[s.id] ?? s.id)
      : s.type === "booster"
        ? (names.boosters[s.id] ?? s.id)
        : t(s.id === "pre" ? "assessmentPre" : "assessmentPost");
  const kind = { module: t("stepModule"), assessment: t("stepAssessment"), booster: t("stepBooster") };

  return (
    <section aria-labelledby="steps-title">
      <h2 id="steps-title">{t("steps")}</h2>
      <ol className="track-steps">
        {track.steps.map((s, i) => (
          <li key={`${s.type}-${s.id}`} className="card">
            <p className="eyebrow dotted">
              <span>{t("stepNumber", { number: i + 1 })}</span>
              <span>{kind[s.type]}</span>
            </p>
            <h3>
              <Link href={stepHref(locale, track.course, s)}>{title(s)}</Link>
            </h3>
            {s.note && <p>{s.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
