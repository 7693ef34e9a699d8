import { describe, expect, it } from "vitest";
import { completeArms, parseArms } from "./arms";

describe("parseArms", () => {
  it("keeps well-formed entries and drops the rest", () => {
    const raw = JSON.stringify({
      "guest/en/responding-well": { forms: "ab", "bias:p1": "b", "BAD ID": "a", "bias:p2": 3 },
      "other/en/x": { forms: "ab" },
      "account/en/responding-well": "nope",
    });
    expect(parseArms(raw)).toEqual({ "guest/en/responding-well": { forms: "ab", "bias:p1": "b" } });
  });
  it.each([null, "", "{", "[]", "42"])("reads %j as nothing kept", (raw) => expect(parseArms(raw)).toEqual({}));
});

describe("completeArms", () => {
  const experiments = [
    { id: "forms", arms: ["ab", "ba"] },
    { id: "bias:p1", arms: ["a", "b"] },
  ];
  it("keeps a valid arm and draws only what is missing or unknown", () => {
    const draws: number[] = [];
    const out = completeArms({ forms: "ba", "bias:p1": "z", "bias:gone": "a" }, experiments, (n) => (draws.push(n), 1));
    expect(out).toEqual({ forms: "ba", "bias:p1": "b" });
    expect(draws).toEqual([2]);
  });
  it("draws each arm about half the time with the crypto source", () => {
    let ab = 0;
    for (let i = 0; i < 4000; i++) if (completeArms({}, experiments).forms === "ab") ab++;
    // Binomial(4000, 0.5): sd 31.6; 5 sd either side.
    expect(Math.abs(ab - 2000)).toBeLessThan(160);
  });
});
