"use client";
// The refreshers of a course, each a link with its date or state, and a button that saves their
// dates as a calendar file. Shown on the dashboard and, for a guest, on the course page.
import Link from "@/components/ui/link";
import { fill } from "@/components/ui/fill";
import { formatDay } from "@/components/ui/dates";
import { activityUrl } from "@/lib/content/activity-id";
import type { NextStepLabels } from "./next-step-card";
import { download, refresherCalendar, upcoming } from "./refresher-calendar";

export interface RefresherView {
  id: string;
  title: string;
  offerAfterDays: number;
  /** Null until the final check is done. */
  offeredFrom: string | null;
  done: boolean;
  percent: number | null;
}

interface Props {
  locale: string;
  courseId: string;
  refreshers: readonly RefresherView[];
  now: number;
  labels: NextStepLabels;
  /** The heading's level where it sits. */
  heading: "h2" | "h3";
  /** Shown between the heading and the list. */
  intro?: React.ReactNode;
}

export function Refreshers({ locale, courseId, refreshers, now, labels, heading: Heading, intro }: Props) {
  const toCalendar = upcoming(refreshers, now);
  const status = (r: RefresherView) => {
    if (r.done) return fill(labels.refresherDone, { percent: r.percent ?? 0 });
    if (!r.offeredFrom) return fill(labels.refresherAfterPost, { days: r.offerAfterDays });
    const date = formatDay(r.offeredFrom, locale);
    return Date.parse(r.offeredFrom) <= now ? fill(labels.refresherReady, { date }) : fill(labels.refresherFrom, { date });
  };
  const save = () => {
    const text = refresherCalendar({ refreshers: toCalendar, locale, courseId, origin: window.location.origin, labels, now: new Date() });
    download(text, labels.calendarFile);
  };
  const titleId = `refreshers-${courseId}`;
  return (
    <div className="refreshers">
      <Heading id={titleId}>{labels.refreshersTitle}</Heading>
      {intro}
      <ul>
        {refreshers.map((r) => (
          <li key={r.id} className="dotted">
            <span>
              <Link href={activityUrl({ kind: "booster", course: courseId, booster: r.id }, locale)}>{r.title}</Link>
            </span>
            <span>{status(r)}</span>
          </li>
        ))}
      </ul>
      {toCalendar.length > 0 && (
        <>
          <p>
            <button type="button" className="button secondary" onClick={save} aria-describedby={`${titleId}-calendar-hint`}>
              {labels.calendarButton}
            </button>
          </p>
          <p className="meta" id={`${titleId}-calendar-hint`}>
            {labels.calendarHint}
          </p>
        </>
      )}
    </div>
  );
}
