// What makes two questions a fair bias-check pair (issue #20). A learner sees one version, chosen
// at random, and the reports compare the answers given to each; that comparison means something
// only if the versions differ in the one identity feature and in nothing else a learner is shown
// or scored on, and if nothing a learner reads after answering gives the experiment away.
// Pure functions: the loader applies them and names the file and field.
import type { Question, Quiz } from "@/lib/quiz/types";
import { SWAP_MENTIONS_BY_LOCALE } from "./locale-terms";

export const PAIR_RULES = {
  /**
   * At most this share of the two stories' words (vignette and prompt) may differ. In the English
   * course, a pair's swap changes 2-13 % of the words, while any two other stories differ by 42 %
   * or more (the closest: two parallel items written from one template), so 25 % sits between.
   */
  maxWordChange: 0.25,
};

/**
 * Words that give a pair away when a version's feedback or explanation uses them: naming the
 * swap, the check, or another version. The swap test is taught in the lessons; a pair's own
 * words must read as an ordinary question, so the learner answers it as one.
 */
export const SWAP_MENTIONS: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /\bswap\w*/i, why: "names the swap" },
  { pattern: /\w*bias\w*/i, why: "names the bias check" },
  { pattern: /\bversions?\b/i, why: "refers to a version of the story" },
  { pattern: /\bonly the\b/i, why: 'points at what differs ("only the ...")' },
  { pattern: /\bchanged\b/i, why: "points at what changed" },
  { pattern: /\bdiffer(?:s|ed)? only\b/i, why: "points at what differs" },
  { pattern: /\bsame story\b/i, why: "points at another story" },
  { pattern: /\bif\b[^.!?]{0,80}\bhad been\b/i, why: 'asks the reader to imagine another version ("if ... had been")' },
  { pattern: /\bwhatever (?:the person's|their|his|her) (?:background|faith|religion|name|origin)\b/i, why: "invites the comparison the pair measures" },
];

/** The first words in `text` that give a pair away, with why; undefined when none. English words count in every locale. */
export function swapMention(text: string, locale = "en"): { found: string; why: string } | undefined {
  for (const { pattern, why } of [...SWAP_MENTIONS, ...(SWAP_MENTIONS_BY_LOCALE[locale] ?? [])]) {
    const m = pattern.exec(text);
    if (m) return { found: m[0], why };
  }
  return undefined;
}

/**
 * The quiz as one learner is shown it: one version of each pair (the second version is dropped;
 * both carry the same options and key, so either stands for the pair). The item rules and the
 * forms' lengths judge this, so a pair is never counted twice.
 */
export function asShown(quiz: Quiz): Quiz {
  const hidden = new Set((quiz.biasPairs ?? []).map((p) => p.versions[1]));
  return hidden.size === 0 ? quiz : { ...quiz, questions: quiz.questions.filter((q) => !hidden.has(q.id)) };
}

/** Lower-case words; "far-right" and "don't" stay one word, punctuation goes. */
export function storyWords(text: string): string[] {
  return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Length of the longest common subsequence of two word lists. */
function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    prev = row;
  }
  return prev[b.length];
}

/**
 * How much two texts differ, word by word: the words of either text left out of their longest
 * common subsequence, as a share of all the words of both. Order counts, so a story told the
 * other way round is a different story.
 */
export function wordChange(a: string, b: string): { changed: number; total: number; share: number } {
  const wa = storyWords(a);
  const wb = storyWords(b);
  const total = wa.length + wb.length;
  const changed = total - 2 * lcs(wa, wb);
  return { changed, total, share: total === 0 ? 0 : changed / total };
}

/** What a learner reads before answering: the story and the question. */
const story = (q: Question) => [q.vignette ?? "", q.prompt].join("\n");

const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Every way the two versions fail to be a fair pair, as messages naming both ids. Same type,
 * skill and key; the same options with the same words and feedback, in the same order; the same
 * explanation; stories that differ by a small edit; and no words that give the pair away.
 */
export function checkPairVersions(a: Question, b: Question, locale = "en"): string[] {
  const both = `"${a.id}" and "${b.id}"`;
  if (a.id === b.id) return [`the two versions must be two different questions (both are "${a.id}")`];
  const out: string[] = [];
  if (a.type !== b.type) out.push(`${both} must be the same type of question (${a.type}, ${b.type})`);
  if (a.skill !== b.skill) out.push(`${both} must train the same skill (${a.skill}, ${b.skill})`);
  if (a.options.map((o) => o.id).join() !== b.options.map((o) => o.id).join()) {
    out.push(`${both} must offer the same options in the same order (${a.options.map((o) => o.id).join(", ")} / ${b.options.map((o) => o.id).join(", ")})`);
  } else {
    a.options.forEach((o, i) => {
      const other = b.options[i];
      if (o.text.trim() !== other.text.trim()) out.push(`${both}: option "${o.id}" must read the same in both (only the story may differ)`);
      if (o.feedback.trim() !== other.feedback.trim()) out.push(`${both}: option "${o.id}" must have the same feedback in both`);
    });
  }
  if ([...a.correct].sort().join() !== [...b.correct].sort().join()) out.push(`${both} must have the same correct answer (${a.correct.join(", ")} / ${b.correct.join(", ")})`);
  if (JSON.stringify(a.categories ?? []) !== JSON.stringify(b.categories ?? [])) out.push(`${both} must offer the same piles`);
  if (a.explanation.trim() !== b.explanation.trim()) out.push(`${both} must have the same explanation`);

  const change = wordChange(story(a), story(b));
  if (change.changed === 0) out.push(`${both} tell the same story word for word: change the one identity feature in the second`);
  else if (change.share > PAIR_RULES.maxWordChange) {
    out.push(`${both}: the stories differ in ${pct(change.share)} of their words (${change.changed} of ${change.total}; at most ${pct(PAIR_RULES.maxWordChange)}): change the identity feature, keep every other word`);
  }

  // Feedback shared by both versions is reported once, under the first.
  const shown = (q: Question) => new Map<string, string>([["explanation", q.explanation], ...q.options.map((o): [string, string] => [`option "${o.id}" feedback`, o.feedback])]);
  const first = shown(a);
  for (const q of [a, b]) {
    for (const [where, text] of shown(q)) {
      if (q === b && first.get(where) === text) continue;
      const hit = swapMention(text, locale);
      if (hit) out.push(`"${q.id}" ${where}: "${hit.found}" ${hit.why}; a learner sees one version, so its words never mention the check or another version`);
    }
  }
  return out;
}
