// Finds a quiz's secrets in a page as served: its HTML and its React (RSC) payload. Used by
// e2e/keys.spec.ts on every assessment and booster page. Text may reach a page HTML-escaped or
// JSON-escaped, so each secret text is looked for by its longest run of plain characters.
import type { Quiz } from "@/lib/quiz/types";

/**
 * The longest run of characters that no escaping changes: letters and digits of any script
 * (accented French and Spanish, Arabic), space, , . ; and the typographic apostrophe. A run cut
 * at every accent would be a stock phrase ("la plateforme et au canal de la police") that the
 * public options share, not the secret.
 */
export function plainRun(text: string): string {
  return (text.match(/[\p{L}\p{N} ,.;’]+/gu) ?? []).map((r) => r.trim()).reduce((a, b) => (b.length > a.length ? b : a), "");
}

/** Shorter runs ("Yes.", "It depends") also appear in questions and pages that hold no secret. */
const MIN_RUN = 24;

/**
 * What of `quiz`'s key a page gives away, as readable findings (empty when nothing): a key array
 * or a per-option feedback, explanation or technique field in the payload, or the text of an
 * option's feedback or a question's explanation anywhere in the page.
 */
export function keyLeaks(page: string, quiz: Quiz): string[] {
  const found: string[] = [];
  // Property names as the payload writes them, with or without the escaping of a JS string. The
  // runner's labels hold "correct" and "technique" as words, never an array or a technique name.
  const field = (name: string, value: string) => new RegExp(`\\\\*"${name}\\\\*"\\s*:\\s*${value}`);
  if (field("correct", "\\[").test(page)) found.push('a key ("correct": [...])');
  if (field("explanation", "").test(page)) found.push('an "explanation" field');
  if (field("feedback", "").test(page)) found.push('a "feedback" field');
  const techniques = new Set(quiz.questions.flatMap((q) => q.options.flatMap((o) => (o.technique ? [o.technique] : []))));
  for (const t of techniques) if (field("technique", `\\\\*"${t}\\\\*"`).test(page)) found.push(`a post's technique ("${t}")`);
  for (const q of quiz.questions) {
    const secrets = [...q.options.map((o) => ({ what: `the feedback of option ${o.id}`, text: o.feedback })), { what: "the explanation", text: q.explanation }];
    for (const s of secrets) {
      const run = plainRun(s.text);
      if (run.length >= MIN_RUN && page.includes(run)) found.push(`${quiz.id}/${q.id}: ${s.what} ("${run.slice(0, 40)}…")`);
    }
  }
  return found;
}
