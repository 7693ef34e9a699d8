import { describe, expect, it } from "vitest";
import { agenda, clock } from "./agenda";

describe("clock", () => {
  it.each([
    [0, "0:00"],
    [5, "0:05"],
    [59, "0:59"],
    [60, "1:00"],
    [90, "1:30"],
  ])("%i minutes -> %s", (m, s) => expect(clock(m)).toBe(s));
});

describe("agenda", () => {
  it("chains the parts from 0:00, each starting where the last ended", () => {
    const slots = agenda([
      { id: "welcome", minutes: 5 },
      { id: "threat", minutes: 25 },
      { id: "close", minutes: 60 },
    ]);
    expect(slots.map((s) => s.range)).toEqual(["0:00–0:05", "0:05–0:30", "0:30–1:30"]);
    expect(slots.at(-1)?.end).toBe(90);
  });
  it("is empty for no parts", () => expect(agenda([])).toEqual([]));
});
