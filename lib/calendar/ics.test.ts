import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, formatUtc, MAX_LINE_OCTETS } from "./ics";
import { parseCalendar, textOf, unescapeText } from "./parse";

const octets = (s: string) => new TextEncoder().encode(s).length;
const NOW = new Date("2026-03-10T12:34:56.789Z");

describe("escapeText", () => {
  it.each([
    ["plain", "plain"],
    ["a, b; c", "a\\, b\\; c"],
    ["back\\slash", "back\\\\slash"],
    ["two\nlines\r\nand\rthree", "two\\nlines\\nand\\nthree"],
    ["tab\there\u0007", "tabhere"],
  ])("%j -> %j", (raw, escaped) => {
    expect(escapeText(raw)).toBe(escaped);
  });

  it("round-trips through a strict reader", () => {
    for (const raw of ["a, b; c \\ d", "line one\nline two", "\\n is not a line break", "é, ü; 中文"]) expect(unescapeText(escapeText(raw))).toBe(raw);
  });
});

describe("foldLine", () => {
  it("leaves a line of 75 octets alone and folds one of 76", () => {
    expect(foldLine("A".repeat(75))).toBe("A".repeat(75));
    expect(foldLine("A".repeat(76))).toBe(`${"A".repeat(75)}\r\n A`);
  });

  it("keeps every physical line within 75 octets, the leading space included", () => {
    const folded = foldLine(`SUMMARY:${"x".repeat(300)}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBe(5);
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(`SUMMARY:${"x".repeat(300)}`);
  });

  it("counts octets, not characters, and never splits a character", () => {
    // "é" is 2 octets, "中" 3, "🙂" 4 (one code point, two UTF-16 units).
    for (const ch of ["é", "中", "🙂"]) {
      const line = `SUMMARY:${ch.repeat(60)}`;
      const lines = foldLine(line).split("\r\n");
      for (const l of lines) {
        expect(octets(l)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
        expect(l).not.toMatch(/\uFFFD/);
        expect([...l.trimStart().replace(/^SUMMARY:/, "")].every((c) => c === ch)).toBe(true);
      }
      expect(lines.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(line);
    }
  });
});

describe("buildCalendar", () => {
  const events = [
    { uid: "booster-week-1@example.org", date: "2026-03-17", summary: "Refresher: week 1, a short quiz; 5 minutes", description: "What we learn fades.\nA refresher helps.", url: "https://example.org/en/courses/c/booster/week-1" },
    { uid: "booster-week-4@example.org", date: "2026-04-07", summary: `Refresher: ${"a long title ".repeat(10)}`, url: "https://example.org/en/courses/c/booster/week-4?x=1,2;3" },
  ];
  const text = buildCalendar({ prodId: "-//Common Ground//Refreshers//EN", events, now: NOW });

  it("uses CRLF line endings only, and ends with one", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("keeps every line within 75 octets", () => {
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it("parses as a VCALENDAR with one VEVENT per date, with the required properties", () => {
    const cal = parseCalendar(text);
    expect(cal.name).toBe("VCALENDAR");
    expect(textOf(cal, "VERSION")).toBe("2.0");
    expect(textOf(cal, "PRODID")).toBe("-//Common Ground//Refreshers//EN");
    const vevents = cal.children.filter((c) => c.name === "VEVENT");
    expect(vevents).toHaveLength(2);
    const [first, second] = vevents;
    expect(textOf(first, "UID")).toBe("booster-week-1@example.org");
    expect(textOf(first, "DTSTAMP")).toBe("20260310T123456Z");
    const start = first.props.find((p) => p.name === "DTSTART")!;
    expect(start).toEqual({ name: "DTSTART", params: { VALUE: "DATE" }, value: "20260317" });
    expect(first.props.find((p) => p.name === "DTEND")!.value).toBe("20260318");
    expect(textOf(first, "SUMMARY")).toBe("Refresher: week 1, a short quiz; 5 minutes");
    expect(textOf(first, "DESCRIPTION")).toBe("What we learn fades.\nA refresher helps.");
    expect(first.props.find((p) => p.name === "URL")!.value).toBe("https://example.org/en/courses/c/booster/week-1");
    // The long summary was folded and comes back whole.
    expect(textOf(second, "SUMMARY")).toBe(events[1].summary);
    // A URI is not TEXT: its commas and semicolons stay as they are.
    expect(second.props.find((p) => p.name === "URL")!.value).toBe("https://example.org/en/courses/c/booster/week-4?x=1,2;3");
  });

  it("an all-day event at the end of a month or year ends the next day", () => {
    const cal = parseCalendar(buildCalendar({ prodId: "x", now: NOW, events: [{ uid: "u", date: "2026-12-31", summary: "s" }] }));
    const e = cal.children[0];
    expect(e.props.find((p) => p.name === "DTSTART")!.value).toBe("20261231");
    expect(e.props.find((p) => p.name === "DTEND")!.value).toBe("20270101");
  });

  it("with no events is still a valid calendar", () => {
    expect(parseCalendar(buildCalendar({ prodId: "x", now: NOW, events: [] })).children).toEqual([]);
  });

  it("refuses a date that is not a calendar day", () => {
    expect(() => buildCalendar({ prodId: "x", now: NOW, events: [{ uid: "u", date: "2026-3-1", summary: "s" }] })).toThrow(/calendar day/);
  });

  it("formats DTSTAMP in UTC without fractions", () => {
    expect(formatUtc(new Date("2026-01-02T03:04:05.678Z"))).toBe("20260102T030405Z");
  });
});

describe("parseCalendar (the reader the tests rely on) refuses what a validator refuses", () => {
  const ok = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n";
  it.each([
    ["bare LF", ok.replace(/\r\n/g, "\n")],
    ["a line over 75 octets", ok.replace("PRODID:x", `PRODID:${"x".repeat(70)}`)],
    ["an unclosed component", ok.replace("END:VCALENDAR\r\n", "")],
    ["a missing PRODID", ok.replace("PRODID:x\r\n", "")],
    ["an unescaped comma in TEXT", ok.replace("END:VCALENDAR", "BEGIN:VEVENT\r\nUID:u\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260101\r\nSUMMARY:a,b\r\nEND:VEVENT\r\nEND:VCALENDAR")],
    ["a VEVENT without UID", ok.replace("END:VCALENDAR", "BEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260101\r\nEND:VEVENT\r\nEND:VCALENDAR")],
  ])("%s", (_, text) => {
    expect(() => parseCalendar(text)).toThrow();
  });

  it("accepts the minimal calendar", () => {
    expect(parseCalendar(ok).name).toBe("VCALENDAR");
  });
});
