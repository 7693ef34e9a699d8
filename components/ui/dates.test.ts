import { describe, expect, it } from "vitest";
import { formatDay } from "./dates";

describe("formatDay", () => {
  it("writes English dates day first, with the month in words", () => {
    expect(formatDay("2026-12-24T23:59:59.999Z", "en")).toBe("24 December 2026");
  });
  it("shows the stored UTC day whatever the reader's time zone", () => {
    // 23:59 UTC on the 24th is already the 25th in Auckland; the due day stays the 24th.
    const tz = process.env.TZ;
    process.env.TZ = "Pacific/Auckland";
    try {
      expect(new Date("2026-12-24T23:59:59.999Z").getDate()).toBe(25);
      expect(formatDay("2026-12-24T23:59:59.999Z", "en")).toBe("24 December 2026");
    } finally {
      process.env.TZ = tz;
    }
  });
  it("follows another locale's own convention", () => {
    expect(formatDay("2026-03-05T12:00:00Z", "de")).toBe("5. März 2026");
  });
});
