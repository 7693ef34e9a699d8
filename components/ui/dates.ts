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
