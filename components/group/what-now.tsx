// A group's "what now" screen for one of its learners: the group's name, the ONE next thing with
// a big Start or Continue button, then the rest. Written to fit a phone screen above the fold
// (390 x 844) before "the rest" begins. Styles: components/group/what-now.css (in the one
// stylesheet a learner's page loads, so not imported here).
import Link from "@/components/ui/link";
import { formatDay } from "@/components/ui/dates";
import { fill } from "@/components/ui/fill";
import { UserText } from "@/components/ui/user-text";
import type { LearnerGroupView } from "@/lib/cohorts/learner-group";
import { nextActivityId, type NextThing } from "@/lib/cohorts/group-next";

export const WHAT_NOW_LABEL_KEYS = [
  "eyebrow", "nextTitle", "preTitle", "preWhy", "assignmentWhy", "assignmentWhyUndated", "lessonWhy", "start", "continue", "waitTitle", "waitBody", "browseCourse",
  "restTitle", "pre", "post", "due", "done", "notDone", "planProgress", "dashboard",
] as const;
export type WhatNowLabels = Record<(typeof WHAT_NOW_LABEL_KEYS)[number], string>;

/** A check slot is named by the slot (its two forms have titles of their own). */
function titleOf(activityId: string, title: string, labels: WhatNowLabels): string {
  return activityId === "assessment-pre" ? labels.pre : activityId === "assessment-post" ? labels.post : title;
}

/** The next thing's title and the line under it. */
function describe(next: Exclude<NextThing, { kind: "wait" }>, view: LearnerGroupView, locale: string, labels: WhatNowLabels) {
  switch (next.kind) {
    case "pre":
      return { title: labels.preTitle, why: labels.preWhy };
    case "assignment":
      return { title: titleOf(next.activityId, next.title, labels), why: next.dueAt ? fill(labels.assignmentWhy, { date: formatDay(next.dueAt, locale) }) : labels.assignmentWhyUndated };
    case "lesson":
      return { title: next.title, why: fill(labels.lessonWhy, { number: next.number, total: view.lessonsTotal }) };
  }
}

export function WhatNow({ view, locale, labels }: { view: LearnerGroupView; locale: string; labels: WhatNowLabels }) {
  const { next } = view;
  const shown = nextActivityId(next);
  const rest = view.due.filter((d) => d.activityId !== shown);
  const about = next.kind === "wait" ? undefined : describe(next, view, locale, labels);
  return (
    <div className="container what-now">
      <p className="eyebrow">{labels.eyebrow}</p>
      <h1>
        <UserText>{view.name}</UserText>
      </h1>
      <section className="card next-step" aria-labelledby="next-step-title">
        <h2 id="next-step-title" className="next-step-label">
          {labels.nextTitle}
        </h2>
        {next.kind === "wait" || !about ? (
          <>
            <p className="next-step-thing">{labels.waitTitle}</p>
            <p>{labels.waitBody}</p>
            <Link className="button secondary" href={view.courseHref}>
              {labels.browseCourse}
            </Link>
          </>
        ) : (
          <>
            <p className="next-step-thing">{about.title}</p>
            <p className="next-step-why">{about.why}</p>
            {/* The visible word starts the name; the title says where it goes out of context. A label,
                not hidden text: Chrome names a link with a positioned child "Start : ...". */}
            <Link className="button next-step-button" href={next.href} aria-label={`${next.begun ? labels.continue : labels.start}: ${about.title}`}>
              {next.begun ? labels.continue : labels.start}
            </Link>
          </>
        )}
      </section>

      {rest.length > 0 && (
        <section className="what-now-rest" aria-labelledby="rest-title">
          <h2 id="rest-title">{labels.restTitle}</h2>
          <ul className="due-list">
            {rest.map((d) => (
              <li key={d.activityId}>
                <Link href={d.href} className="due-title">
                  {titleOf(d.activityId, d.title, labels)}
                </Link>
                {d.dueAt && <span className="due-date">{fill(labels.due, { date: formatDay(d.dueAt, locale) })}</span>}
                {d.done ? <span className="status-done">✓ {labels.done}</span> : <span className="due-open">{labels.notDone}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.lessonsTotal > 0 && <p className="meta">{fill(labels.planProgress, { done: view.lessonsDone, total: view.lessonsTotal })}</p>}
      <p>
        <Link href={`/${locale}/dashboard`}>{labels.dashboard}</Link>
      </p>
    </div>
  );
}
