// An iCalendar file (RFC 5545) of all-day events: the refresher dates a learner can add to their
// own calendar, since the app sends no email. Pure and dependency-free, so the browser builds the
// file from what the dashboard already shows and no personal data goes anywhere.

export interface CalendarEvent {
  /** Globally unique and stable: downloading again updates the same events rather than adding copies. */
  uid: string;
  /** The calendar day, YYYY-MM-DD. */
  date: string;
  summary: string;
  description?: string;
  /** An absolute URL. */
  url?: string;
}

const CRLF = "\r\n";
/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
export const MAX_LINE_OCTETS = 75;

/** TEXT values (§3.3.11): backslash, semicolon, comma and line breaks are escaped; other control characters go. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n")
    .replace(/[\u0000-\u001f\u007f]/g, "");
}

const encoder = new TextEncoder();
const octets = (s: string) => encoder.encode(s).length;

/**
 * Folds a content line into lines of at most 75 octets: each continuation starts with one space,
 * which counts towards its 75. A character is never split across lines (UTF-8 sequences stay whole).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = octets(ch);
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (size + n > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A UTC DATE-TIME (§3.3.5, form 2): 20260310T120000Z. */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function dayValue(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new Error(`not a calendar day: ${date}`);
  return date.replace(/-/g, "");
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The whole file: CRLF line breaks, folded lines, one VEVENT per event. */
export function buildCalendar(opts: { prodId: string; events: readonly CalendarEvent[]; now: Date }): string {
  const stamp = formatUtc(opts.now);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${escapeText(opts.prodId)}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const e of opts.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dayValue(e.date)}`,
      // An all-day event ends (exclusively) the next day; said explicitly for calendars that need it.
      `DTEND;VALUE=DATE:${dayValue(nextDay(e.date))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      // A URI value, not TEXT: commas and semicolons in it are not escaped (§3.3.13).
      ...(e.url ? [`URL:${new URL(e.url).href}`] : []),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
