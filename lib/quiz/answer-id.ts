// The id of an answer, derived from its attempt and question (issue #20). An attempt is kept
// across a reload (use-attempt-order.ts), so a learner who reloads answers the same questions
// again: with a fresh random id each time, the server refused the second answer (the question is
// answered in this attempt) and a server-graded check could not go on. The same attempt and
// question now always give the same id, and a repeat is a replay: the server returns the grade of
// the answer it stored first, which is the one that counts. Pure, shared by both runners.
import { sha256 } from "./shuffle";

/** A UUID (version 8, RFC 9562 "custom") from SHA-256 of the attempt and question ids. */
export function answerIdFor(attemptId: string, questionId: string): string {
  const words = sha256(new TextEncoder().encode(`answer\u0000${attemptId}\u0000${questionId}`));
  const hex = [...words.slice(0, 4)].map((w) => w.toString(16).padStart(8, "0")).join("");
  const version = `8${hex.slice(13, 16)}`;
  const variant = `${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`;
}
