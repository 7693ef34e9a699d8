import { describe, expect, it } from "vitest";
import { z } from "zod";
import { answerIdFor } from "./answer-id";

describe("answerIdFor", () => {
  it("is a valid UUID, the same for the same attempt and question, and differs otherwise", () => {
    const a = answerIdFor("0b9e3a51-0c55-4a0e-9d0b-6f2f0f0e3a11", "q1");
    expect(z.uuid().safeParse(a).success).toBe(true);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(answerIdFor("0b9e3a51-0c55-4a0e-9d0b-6f2f0f0e3a11", "q1")).toBe(a);
    expect(answerIdFor("0b9e3a51-0c55-4a0e-9d0b-6f2f0f0e3a11", "q2")).not.toBe(a);
    expect(answerIdFor("1b9e3a51-0c55-4a0e-9d0b-6f2f0f0e3a11", "q1")).not.toBe(a);
  });

  it("never collides over many attempts and questions", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) for (const q of ["a", "b", "c"]) seen.add(answerIdFor(`attempt-${i}`, q));
    expect(seen.size).toBe(6000);
  });
});
