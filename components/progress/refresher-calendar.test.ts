import { describe, expect, it } from "vitest";
import { parseCalendar, textOf } from "@/lib/calendar/parse";
import { refresherCalendar, upcoming } from "./refresher-calendar";

const NOW = Date.parse("2026-03-10T12:00:00Z");

describe("upcoming", () => {
  const list = [
    { id: "done", offeredFrom: "2026-03-12T09:00:00.000Z", done: true },
    { id: "undated", offeredFrom: null, done: false },
    { id: "yesterday", offeredFrom: "2026-03-09T23:00:00.000Z", done: false },
    { id: "today-earlier", offeredFrom: "2026-03-10T01:00:00.000Z", done: false },
    { id: "later", offeredFrom: "2026-04-07T09:00:00.000Z", done: false },
  ];
  it("keeps refreshers not done that open today or later", () => {
    expect(upcoming(list, NOW).map((r) => r.id)).toEqual(["today-earlier", "later"]);
  });
});

describe("refresherCalendar", () => {
  const text = refresherCalendar({
    refreshers: [
      { id: "week-1", title: "Week 1: spot the trick, again", offeredFrom: "2026-03-17T09:30:00.000Z" },
      { id: "week-4", title: "Week 4", offeredFrom: "2026-04-07T09:30:00.000Z" },
    ],
    locale: "en",
    courseId: "responding-well",
    origin: "https://learn.example.org:8443",
    labels: { calendarSummary: "Common Ground refresher: {title}", calendarDescription: "A few minutes; open the link." },
    now: new Date(NOW),
  });
  const events = parseCalendar(text).children;

  it("has one all-day event per refresher, on the UTC day the page shows", () => {
    expect(events.map((e) => e.props.find((p) => p.name === "DTSTART"))).toEqual([
      { name: "DTSTART", params: { VALUE: "DATE" }, value: "20260317" },
      { name: "DTSTART", params: { VALUE: "DATE" }, value: "20260407" },
    ]);
  });

  it("names and links each refresher, with stable UIDs", () => {
    expect(textOf(events[0], "SUMMARY")).toBe("Common Ground refresher: Week 1: spot the trick, again");
    expect(textOf(events[0], "DESCRIPTION")).toBe("A few minutes; open the link.");
    expect(events[0].props.find((p) => p.name === "URL")!.value).toBe("https://learn.example.org:8443/en/courses/responding-well/booster/week-1");
    expect(textOf(events[0], "UID")).toBe("refresher-en-responding-well-week-1-20260317@learn.example.org");
    expect(textOf(events[1], "UID")).toBe("refresher-en-responding-well-week-4-20260407@learn.example.org");
  });
});
