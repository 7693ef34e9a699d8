// Dates as learners read them. The course's English is international, so "en" writes the day
// first ("24 December 2026") rather than the US order; other locales use their own convention.

/** The formatting locale for a content locale: day-first English for "en". */
export function dateLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}

/**
 * A calendar day, e.g. a due date or the day a booster opens. Such days are stored as an instant
 * in UTC, so they are shown in UTC: the same day wherever the reader is.
 */
export function formatDay(iso: string, locale: string): string {
  return new Date(iso).toLocaleDateString(dateLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/**
 * A calendar day written out with its weekday ("Tue, 15 December 2026"), to confirm a day picked
 * in a native date input, which follows the browser's own order rather than the interface's.
 * `day` is "YYYY-MM-DD" (or a stored instant); like formatDay it is read in UTC.
 */
export function formatDayWithWeekday(day: string, locale: string): string {
  return new Date(day).toLocaleDateString(dateLocale(locale), { weekday: "short", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** The reader's own today as "YYYY-MM-DD" (their device's time zone), for a date input's minimum. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
