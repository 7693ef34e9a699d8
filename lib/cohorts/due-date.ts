// When a due date has passed. A due day is stored as the end of that calendar day in UTC, and a
// facilitator picks it in their own time zone, which the server does not know. So the server
// refuses only a day that is over everywhere on Earth: one before today in the last time zone to
// reach it (UTC-12). The form checks the facilitator's own today first (components/ui/dates.ts
// localDay), so a day that just ended for them is refused there, with the same words.

const LAST_ZONE_MS = 12 * 60 * 60 * 1000;

/** Today's date ("2026-12-07") in the last time zone to reach it (UTC-12). */
export function earliestToday(now: Date): string {
  return new Date(now.getTime() - LAST_ZONE_MS).toISOString().slice(0, 10);
}

/** Whether the calendar day `day` ("2026-12-07") is over in every time zone at `now`. */
export function isPastDay(day: string, now: Date): boolean {
  return day < earliestToday(now);
}
