// The summary format of a finished attempt's answers (answer-summary.ts).
import { describe, expect, it } from "vitest";
import { decodeAnswerRecord, encodeAnswerSummary, FIELD, RECORD, summaryRecords } from "./answer-summary";

const answers = [
  { question_id: "b-second", chosen: '["c"]', correct: 0 },
  { question_id: "a-first", chosen: '["a","b"]', correct: 1 },
  { question_id: "a-first-too", chosen: '["x:pile"]', correct: 1 },
];

describe("encodeAnswerSummary", () => {
  it("writes one record per answer, in code-unit order of the question id", () => {
    expect(encodeAnswerSummary(answers)).toBe(
      [`a-first${FIELD}1${FIELD}["a","b"]`, `a-first-too${FIELD}1${FIELD}["x:pile"]`, `b-second${FIELD}0${FIELD}["c"]`].join(RECORD),
    );
  });

  it("gives the same text for the same answers in any order, and different text for different answers", () => {
    expect(encodeAnswerSummary([...answers].reverse())).toBe(encodeAnswerSummary(answers));
    expect(encodeAnswerSummary([{ ...answers[0], chosen: '["d"]' }, answers[1], answers[2]])).not.toBe(encodeAnswerSummary(answers));
  });

  it("is empty for an attempt finished with no answers", () => {
    expect(encodeAnswerSummary([])).toBe("");
    expect(summaryRecords("")).toEqual([]);
  });

  it("reads back every answer, whatever the chosen text holds (JSON escapes control characters)", () => {
    const odd = [...answers, { question_id: "c", chosen: JSON.stringify(["tab\there", "line\nbreak", "unit\u001fsep"]), correct: 0 }];
    const back = summaryRecords(encodeAnswerSummary(odd)).map(decodeAnswerRecord);
    expect(back).toEqual([...odd].sort((a, b) => (a.question_id < b.question_id ? -1 : 1)));
  });
});
