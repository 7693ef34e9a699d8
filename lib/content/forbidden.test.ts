import { describe, expect, it } from "vitest";
import { findForbidden } from "./forbidden";

describe("findForbidden", () => {
  it.each([
    ["In the Oslo metro stabbing of March 2024...", "unverified case study"],
    ["NATO and the African Union launched task forces", "NATO"],
    ["fighters from 120 countries", "110 countries"],
    ["a video from Amaq", "propaganda outlet"],
    ["a man who looks Muslim", "identity"],
    ["a suspicious-looking stranger", "appearance"],
    ["buying fertiliser in bulk", "substance"],
    ["join us at https://t.me/somechannel", "messaging channel"],
  ])("flags %j", (text, why) => {
    const hits = findForbidden(text);
    expect(hits).toHaveLength(1);
    expect(hits[0].why).toContain(why);
    expect(hits[0].line).toBe(1);
  });

  it.each([
    "Large or unusual quantities of chemicals or weapon parts with no obvious reason.",
    "The Multinational Joint Task Force is mandated by the African Union.",
    "More than 40,000 foreign fighters from more than 110 countries.",
    "Religion, dress and background are never warning signs.",
  ])("accepts %j", (text) => {
    expect(findForbidden(text)).toEqual([]);
  });

  it("reports the line of each hit", () => {
    expect(findForbidden("fine\nfine\nthe Toronto mall shooting").map((h) => h.line)).toEqual([3]);
  });
});
