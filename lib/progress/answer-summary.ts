// A finished attempt's answers in one text column (quiz_attempts.answer_summary, migration 0013),
// written when the attempt finishes, so the item analysis reads one row per attempt instead of
// one per answer and never regroups every answer of a cohort (bench/README.md, issue #20).
// Pure; the migration builds the same text in SQL for attempts finished before it.
//
// Format: one record per answer, "<question id> US <correct 0|1> US <chosen>", records joined
// by RS, in question id order (code-unit order: SQLite's BINARY, PostgreSQL's "C"), so two
// attempts with the same answers have the same text and a report can count them as one group.
// US and RS (the ASCII unit and record separators) never occur in a question id (a slug) or in
// `chosen` (JSON text, where control characters are escaped).

export const FIELD = "\u001f";
export const RECORD = "\u001e";

export interface SummarisedAnswer {
  question_id: string;
  chosen: string;
  correct: number;
}

/** The summary of an attempt's answers ("" for an attempt finished with none). */
export function encodeAnswerSummary(answers: readonly SummarisedAnswer[]): string {
  return [...answers]
    .sort((a, b) => (a.question_id < b.question_id ? -1 : a.question_id > b.question_id ? 1 : 0))
    .map((a) => `${a.question_id}${FIELD}${Number(a.correct) === 1 ? 1 : 0}${FIELD}${a.chosen}`)
    .join(RECORD);
}

/** The records of a summary: each one answer, and the key a report groups equal answers by. */
export function summaryRecords(summary: string): string[] {
  return summary === "" ? [] : summary.split(RECORD);
}

/** One record back into its answer. */
export function decodeAnswerRecord(record: string): SummarisedAnswer {
  const a = record.indexOf(FIELD);
  const b = record.indexOf(FIELD, a + 1);
  return { question_id: record.slice(0, a), correct: Number(record.slice(a + 1, b)), chosen: record.slice(b + 1) };
}
