import { afterEach, describe, expect, it } from "vitest";
import { formatDay, formatDayWithWeekday, localDay } from "./dates";

describe("formatDay", () => {
  // A test that sets TZ puts it back, and unset stays unset: assigning undefined to process.env
  // would store the string "undefined", a time zone of its own for every later test in the worker.
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it("writes English dates day first, with the month in words", () => {
    expect(formatDay("2026-12-24T23:59:59.999Z", "en")).toBe("24 December 2026");
  });
  it("shows the stored UTC day whatever the reader's time zone", () => {
    // 23:59 UTC on the 24th is already the 25th in Auckland; the due day stays the 24th.
    process.env.TZ = "Pacific/Auckland";
    expect(new Date("2026-12-24T23:59:59.999Z").getDate()).toBe(25);
    expect(formatDay("2026-12-24T23:59:59.999Z", "en")).toBe("24 December 2026");
  });
  it("restores the time zone after a test that set it", () => {
    expect(process.env.TZ).toBe(tz);
  });
  it("follows another locale's own convention", () => {
    expect(formatDay("2026-03-05T12:00:00Z", "de")).toBe("5. März 2026");
  });
});

describe("formatDayWithWeekday", () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it("writes a picked day out in the interface's order, with its weekday", () => {
    expect(formatDayWithWeekday("2026-12-15", "en")).toBe("Tue, 15 December 2026");
    expect(formatDayWithWeekday("2026-12-15", "de")).toBe("Di., 15. Dezember 2026");
  });
  it("names the same day west of UTC, where midnight UTC is still the day before", () => {
    process.env.TZ = "America/Los_Angeles";
    expect(formatDayWithWeekday("2026-12-15", "en")).toBe("Tue, 15 December 2026");
  });
});

describe("localDay", () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it("is the device's own calendar day", () => {
    process.env.TZ = "Pacific/Auckland";
    expect(localDay(new Date("2026-12-24T12:00:00Z"))).toBe("2026-12-25");
    process.env.TZ = "America/Los_Angeles";
    expect(localDay(new Date("2026-12-24T03:00:00Z"))).toBe("2026-12-23");
  });
});
