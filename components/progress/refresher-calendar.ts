// The refresher dates as an iCalendar file, built in the browser from what the page already shows
// (no request, nothing personal leaves the device), and handed to the browser as a download.
import { buildCalendar, type CalendarEvent } from "@/lib/calendar/ics";
import { fill } from "@/components/ui/fill";
import { activityUrl } from "@/lib/content/activity-id";

export interface DatedRefresher {
  id: string;
  title: string;
  /** The instant it opens (ISO); its calendar day is the UTC day, as the page shows it (components/ui/dates.ts). */
  offeredFrom: string;
}

/** Refreshers worth a calendar entry: not done, and opening today or later (one already open is the next step). */
export function upcoming<T extends { offeredFrom: string | null; done: boolean }>(refreshers: readonly T[], now: number): (T & { offeredFrom: string })[] {
  const today = new Date(now).toISOString().slice(0, 10);
  return refreshers.filter((r): r is T & { offeredFrom: string } => !r.done && r.offeredFrom !== null && r.offeredFrom.slice(0, 10) >= today);
}

export function refresherCalendar(opts: {
  refreshers: readonly DatedRefresher[];
  locale: string;
  courseId: string;
  /** The app's origin, e.g. https://example.org: links in the events are absolute. */
  origin: string;
  labels: { calendarSummary: string; calendarDescription: string };
  now: Date;
}): string {
  const host = new URL(opts.origin).hostname;
  const events: CalendarEvent[] = opts.refreshers.map((r) => {
    const date = r.offeredFrom.slice(0, 10);
    return {
      // Stable per refresher and date: downloading again updates the same entries in most calendars.
      uid: `refresher-${opts.locale}-${opts.courseId}-${r.id}-${date.replace(/-/g, "")}@${host}`,
      date,
      summary: fill(opts.labels.calendarSummary, { title: r.title }),
      description: opts.labels.calendarDescription,
      url: `${opts.origin}${activityUrl({ kind: "booster", course: opts.courseId, booster: r.id }, opts.locale)}`,
    };
  });
  return buildCalendar({ prodId: "-//Common Ground//Refreshers//EN", events, now: opts.now });
}

/** Offers the text as a file download. */
export function download(text: string, fileName: string, type = "text/calendar;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Later, not at once: revoking while the browser still reads the file can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
