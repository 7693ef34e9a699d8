// Flesch-Kincaid grade level of Markdown text. Pure; the syllable count is the usual English
// heuristic (vowel groups, silent final e), good to about half a grade on school texts.

export function plainText(markdown: string): string {
  return markdown
    .replace(/^:::.*$/gm, "")
    .replace(/```[\s\S]*?```/g, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s*\|?[-:| ]+\|?\s*$/gm, "")
    .replace(/[#>*_`|]/g, " ")
    // A list item or heading without a full stop is still a sentence of its own.
    .replace(/^[ \t]*(?:[-+]|\d+\.)[ \t]+(.*?)[.!?:;]?[ \t]*$/gm, "$1.")
    .replace(/\n{2,}/g, ".\n");
}

export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (!w) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, "").replace(/^y/, "");
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch-Kincaid grade level, rounded to one decimal. */
  grade: number;
}

export function fleschKincaid(markdown: string): Readability {
  const text = plainText(markdown);
  const sentences = Math.max(1, text.split(/[.!?]+(?:\s|$)/).filter((s) => /[a-z]/i.test(s)).length);
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  const syl = words.reduce((n, w) => n + syllables(w), 0);
  const grade = words.length === 0 ? 0 : 0.39 * (words.length / sentences) + 11.8 * (syl / words.length) - 15.59;
  return { words: words.length, sentences, syllables: syl, grade: Math.round(grade * 10) / 10 };
}

/**
 * Sentence length in any language: the one reading measure that carries across scripts. Flesch-
 * Kincaid counts English syllables, and the readability formulas of other languages need what a
 * translation does not give reliably (Arabic ones count syllables from short vowels, which
 * Arabic text leaves unwritten). So a translated school text is held to its English source's
 * sentences instead (lib/content/translation-check.ts): as many sentences, no longer than the
 * language's usual length for the same sentence. Sentences end at . ! ? and the Arabic ؟.
 */
export function sentenceLength(markdown: string): { words: number; sentences: number; wordsPerSentence: number } {
  const text = plainText(markdown);
  const sentences = Math.max(1, text.split(/[.!?\u061F]+(?:\s|$)/u).filter((s) => /\p{L}/u.test(s)).length);
  const words = (text.match(/\p{L}[\p{L}\p{M}'\u2019-]*/gu) ?? []).length;
  return { words, sentences, wordsPerSentence: Math.round((words / sentences) * 10) / 10 };
}

/**
 * How many words a translation usually has for 100 English words, divided by 100: French and
 * Spanish run longer (articles, prepositions), Arabic shorter (articles, prepositions and pronouns
 * are written as part of the word). A school text may go 25 % past this before the check calls
 * its sentences too long. Other languages are held to the English length itself.
 */
export const TYPICAL_WORDS_PER_ENGLISH_WORD: Record<string, number> = { fr: 1.15, es: 1.1, ar: 0.85 };
export const SENTENCE_LENGTH_ALLOWANCE = 1.25;
