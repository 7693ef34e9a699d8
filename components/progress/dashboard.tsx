"use client";
// The learner dashboard island: the one next step, the learner's groups and what is due, mastery
// per skill with where to practise it, the checks and refreshers, progress per module with best
// and latest scores. Data comes from GET /api/progress and GET /api/me/assignments through
// react-query (refetched when the tab regains focus).
import { useEffect } from "react";
import Link from "@/components/ui/link";
import { useQuery } from "@/components/api/queries";
import { ProgressBar } from "@/components/ui/progress-bar";
import { fill } from "@/components/ui/fill";
import { queryKeys } from "@/components/api/query-keys";
import { cacheDashboard, fetchDashboard } from "./sync";
import { flush } from "./outbox";
import { apiGet } from "@/components/api/api";
import { MyGroups, type MyGroupsData } from "./my-groups";
import { nextStep } from "@/lib/progress/next-step";
import { NextStepCard, type NextStepLabels } from "./next-step-card";
import { fromDashboard } from "./next-step-input";
import { Refreshers } from "./refreshers";
import { SkillCards } from "./skill-cards";

export type DashboardLabels = Record<string, string>;

async function fetchGroups(signal: AbortSignal): Promise<MyGroupsData> {
  await flush(); // a lesson just marked done counts as done here too
  return apiGet<MyGroupsData>("/api/me/assignments", signal);
}

type Props = { locale: string; labels: DashboardLabels; nextLabels: NextStepLabels };

export function Dashboard({ locale, labels, nextLabels }: Props) {
  const query = useQuery({ queryKey: queryKeys.dashboard(locale), queryFn: ({ signal }) => fetchDashboard(locale, signal) });
  // Nothing here changes the groups (joining a group loads the page afresh).
  const groups = useQuery({ queryKey: queryKeys.myGroups(), queryFn: ({ signal }) => fetchGroups(signal) });
  useEffect(() => {
    if (query.data) cacheDashboard(locale, query.data);
  }, [locale, query.data]);

  // Both at once, so the groups do not push the page down when they arrive.
  if (query.isPending || groups.isPending) return <p role="status">{labels.loading}</p>;
  if (query.isError) {
    return (
      <div role="alert">
        <p>{labels.error}</p>
        <button type="button" className="button secondary" onClick={() => void query.refetch()}>
          {labels.retry}
        </button>
      </div>
    );
  }
  const data = query.data;
  // "Now" is when this data was read, so the next step and the refreshers' states agree, and a
  // refetch (the tab regaining focus) moves both on together.
  const now = query.dataUpdatedAt;
  const pct = (n: number | null) => (n === null ? labels.none : `${n}%`);
  // The first course with something to do; with one course, that course.
  const steps = data.courses.map((course) => ({ course, step: nextStep(fromDashboard(course, data.mastery, now)) }));
  const next = steps.find((s) => s.step.kind !== "caught-up") ?? steps[0];
  const practice = data.courses.flatMap((c) => c.practice.map((p) => ({ ...p, courseId: c.id })));
  return (
    <>
      {next && <NextStepCard step={next.step} locale={locale} courseId={next.course.id} labels={nextLabels} caughtUpHref={`/${locale}/courses/${next.course.id}`} />}
      {groups.isError ? <p className="meta">{labels.groupsError}</p> : groups.data.length > 0 && <MyGroups groups={groups.data} locale={locale} labels={labels} />}
      <SkillCards mastery={data.mastery} practice={practice} locale={locale} labels={labels} />
      {data.courses.map((course) =>
        course.assessments ? (
          <section key={`assess-${course.id}`} aria-labelledby={`assess-${course.id}`} className="card" style={{ marginTop: "var(--space-5)" }}>
            <h2 id={`assess-${course.id}`}>{labels.assessTitle}</h2>
            <dl className="assessment-scores">
              <dt>{labels.pre}</dt>
              <dd>{course.assessments.pre ? pct(course.assessments.pre.latestPercent) : <Link href={`/${locale}/courses/${course.id}/assessment/pre`}>{labels.notTaken}</Link>}</dd>
              <dt>{labels.post}</dt>
              <dd>{course.assessments.post ? pct(course.assessments.post.latestPercent) : <Link href={`/${locale}/courses/${course.id}/assessment/post`}>{labels.notTaken}</Link>}</dd>
              {course.assessments.gain !== null && (
                <>
                  <dt>{labels.gain}</dt>
                  <dd>{fill(labels.gainPoints, { gain: `${course.assessments.gain >= 0 ? "+" : ""}${course.assessments.gain}` })}</dd>
                </>
              )}
            </dl>
            {course.boosters.length > 0 && (
              <Refreshers
                locale={locale}
                courseId={course.id}
                now={now}
                labels={nextLabels}
                heading="h3"
                refreshers={course.boosters.map((b) => ({ ...b, done: b.score !== null, percent: b.score?.bestPercent ?? null }))}
              />
            )}
          </section>
        ) : null,
      )}
      <section aria-labelledby="modules-title">
        <h2 id="modules-title">{labels.modulesTitle}</h2>
        {data.courses.map((course) =>
          course.modules.map((m) => (
            <div key={`${course.id}/${m.id}`} className="card module-card" style={{ marginBottom: "var(--space-4)" }}>
              <h3>{m.title}</h3>
              <ProgressBar value={m.done} max={m.total} label={fill(labels.moduleProgress, { done: m.done, total: m.total })} />
              <div className="table-scroll">
                <table className="progress-table">
                  <thead>
                    <tr>
                      <th scope="col">{labels.lesson}</th>
                      <th scope="col">{labels.status}</th>
                      <th scope="col">{labels.best}</th>
                      <th scope="col">{labels.latest}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.lessons.map((l) => (
                      <tr key={l.id}>
                        <th scope="row">
                          <Link href={`/${locale}/courses/${course.id}/${l.id}`}>{l.title}</Link>
                        </th>
                        <td>{l.completedAt ? <span className="status-done">✓ {labels.done}</span> : labels.notDone}</td>
                        <td>{pct(l.bestPercent)}</td>
                        <td>{pct(l.latestPercent)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )),
        )}
      </section>
    </>
  );
}
