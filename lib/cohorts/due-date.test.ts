import { describe, expect, it } from "vitest";
import { earliestToday, isPastDay } from "./due-date";

describe("isPastDay", () => {
  it("keeps today and later days, wherever the facilitator is", () => {
    // 06:00 UTC on the 16th is still the 15th in Hawaii (UTC-10) and Baker Island (UTC-12).
    const now = new Date("2026-12-16T06:00:00Z");
    expect(earliestToday(now)).toBe("2026-12-15");
    expect(isPastDay("2026-12-15", now)).toBe(false);
    expect(isPastDay("2026-12-16", now)).toBe(false);
    expect(isPastDay("2027-01-01", now)).toBe(false);
  });

  it("refuses a day that is over everywhere", () => {
    const now = new Date("2026-12-16T06:00:00Z");
    expect(isPastDay("2026-12-14", now)).toBe(true);
    expect(isPastDay("1999-01-01", now)).toBe(true);
    // From noon UTC the 15th has ended even at UTC-12.
    expect(isPastDay("2026-12-15", new Date("2026-12-16T12:00:00Z"))).toBe(true);
    expect(isPastDay("2026-12-15", new Date("2026-12-16T11:59:59Z"))).toBe(false);
  });

  it("turns the year over at the same rule", () => {
    expect(earliestToday(new Date("2027-01-01T11:00:00Z"))).toBe("2026-12-31");
    expect(earliestToday(new Date("2027-01-01T12:00:00Z"))).toBe("2027-01-01");
  });
});
