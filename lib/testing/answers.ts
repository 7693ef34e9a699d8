// Answers the data-layer tests send: a wrong one for any question type, graded as a learner's
// mistake would be (never an invalid choice).
import type { Question } from "@/lib/quiz/types";

/** A wrong answer: the first option not in the key (for multiple, the first right one plus it; for discern, every genuine post flagged; for sort, the first item in another pile). */
export function wrongAnswer(q: Question): string[] {
  const wrongOption = q.options.find((o) => !q.correct.includes(o.id))!.id;
  if (q.type === "multiple") return [q.correct[0], wrongOption];
  if (q.type === "discern") return q.options.filter((o) => !q.correct.includes(o.id)).map((o) => o.id);
  if (q.type === "sort") return q.correct.map((c, k) => (k === 0 ? `${c.split(":")[0]}:${q.categories!.find((p) => p.id !== c.split(":")[1])!.id}` : c));
  return [wrongOption];
}
