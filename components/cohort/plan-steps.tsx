// "The plan" on a group's page: the steps of the plan the group follows (its track), in order,
// each with links to the page it needs, so the plan and the group are one thing to the person
// running it. A server component: the plan is content, the group only says which plan.
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getBoosters, getCourse, getLesson, getMaterials, getScenario, getTrack } from "@/lib/content";
import { planSteps, type PlanStep } from "@/lib/content/plan";
import { clock } from "@/components/track/agenda";
import { trackPath } from "@/components/track/paths";
import { planStepLinks, type PlanLink } from "./plan-links";
import "./plan-steps.css";

export async function PlanSteps({ cohort, locale }: { cohort: { id: string; locale: string; courseId: string; trackId: string }; locale: string }) {
  // The group's own locale picks its content; the page has already checked who may read it.
  const { id: cohortId, trackId, courseId, locale: contentLocale } = cohort;
  const t = await getTranslations({ locale, namespace: "facilitate.plan" });
  const track = getTrack(contentLocale, trackId);
  const course = getCourse(contentLocale, courseId);
  if (!track || !course) {
    return (
      <section id="plan" aria-labelledby="plan-title" className="cohort-section">
        <h2 id="plan-title">{t("titleNone")}</h2>
        <p>{t("none")}</p>
      </section>
    );
  }

  const lessons = new Map(course.modules.flatMap((m) => m.lessons.map((l) => [l.id, l.title])));
  const modules = new Map(course.modules.map((m) => [m.id, m.title]));
  const materials = new Map(getMaterials(contentLocale, track.id).map((m) => [m.id, m.title]));
  const boosters = new Map(getBoosters(contentLocale, course.id).map((b) => [b.id, b.title]));
  const scenarioLessons = new Map(
    course.modules.flatMap((m) => m.lessons.flatMap((l) => {
      const scenario = getLesson(contentLocale, course.id, l.id)?.scenarioId;
      return scenario ? [[scenario, l.id] as const] : [];
    })),
  );
  const ctx = { locale, cohortId, trackId: track.id, courseId: course.id, scenarioLesson: (id: string) => scenarioLessons.get(id) };

  function label(link: PlanLink): string {
    switch (link.kind) {
      case "join-sheet":
        return t("joinSheet");
      case "print":
        return t("print", { title: materials.get(link.id) ?? link.id });
      case "page":
        return t(`page_${link.page}`);
      case "check":
        return t(link.slot === "pre" ? "checkPre" : "checkPost");
      case "lesson":
        return t("lesson", { title: lessons.get(link.id) ?? link.id });
      case "scenario":
        return t("scenario", { title: getScenario(contentLocale, course!.id, link.id)?.title ?? link.id });
      case "notes":
        return t("notes");
      case "teacher-plan":
        return t("teacherPlan");
      case "student-pack":
        return t("studentPack");
      case "module":
        return t("module", { title: modules.get(link.id) ?? link.id });
      case "booster":
        return t("booster", { title: boosters.get(link.id) ?? link.id });
    }
  }

  function heading(step: PlanStep) {
    switch (step.kind) {
      case "create":
        return t("create");
      case "prepare":
        return t(track!.kind === "workshop" ? "prepareWorkshop" : "prepare");
      case "part":
        return step.title;
      case "school-lesson":
        return t("schoolLesson", { number: step.number, title: step.title });
      case "check":
        return t(step.slot === "pre" ? "stepPre" : "stepPost");
      case "module":
        return modules.get(step.id) ?? step.id;
      case "booster":
        return t("stepBooster", { title: boosters.get(step.id) ?? step.id });
    }
  }

  function meta(step: PlanStep): string | undefined {
    if (step.kind === "part") return t("partTime", { start: clock(step.start), end: clock(step.start + step.minutes), minutes: step.minutes });
    if (step.kind === "school-lesson") return t("schoolMeta", { ages: step.ages, minutes: step.minutes });
    return undefined;
  }

  return (
    <section id="plan" aria-labelledby="plan-title" className="cohort-section plan-panel">
      <h2 id="plan-title">{t("title", { plan: track.title })}</h2>
      <p className="section-lead">{t("lead")}</p>
      <p>
        <Link href={trackPath(locale, track.id)}>{t("openPlan")}</Link>
      </p>
      <ol className="plan-steps">
        {planSteps(track).map((step, i) => {
          const links = planStepLinks(step, ctx);
          const id = `plan-step-${i + 1}`;
          const time = meta(step);
          return (
            <li key={id} className={`plan-step${step.kind === "create" ? " plan-step-done" : ""}`}>
              <h3 id={`${id}-title`} className="plan-step-title">
                {heading(step)}
                {step.kind === "create" && (
                  <>
                    {" "}
                    <span className="tag">{t("done")}</span>
                  </>
                )}
              </h3>
              {time && <p className="meta">{time}</p>}
              {links.length > 0 && (
                <ul className="plan-links">
                  {links.map((link) => (
                    <li key={`${link.kind}-${link.href}`}>
                      <Link href={link.href}>{label(link)}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
