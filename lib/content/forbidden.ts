// Terms the content guide rules out, checked in every content file. Each rule says why, so an
// author who trips one learns the rule rather than just the word. The English rules apply to every
// file; a translated file's locale adds its own (locale-terms.ts).
import { FORBIDDEN_BY_LOCALE } from "./locale-terms";

export interface ForbiddenRule {
  pattern: RegExp;
  why: string;
}

export const FORBIDDEN: ForbiddenRule[] = [
  // The source's unverified case studies must not appear as real events.
  { pattern: /\boslo metro\b/i, why: "an unverified case study from the source; use a labelled fictional scenario instead" },
  { pattern: /\blagos church\b/i, why: "an unverified case study from the source; use a labelled fictional scenario instead" },
  { pattern: /\btoronto mall\b/i, why: "an unverified case study from the source; use a labelled fictional scenario instead" },
  { pattern: /\bkabul\b[^.\n]{0,40}\blive-?stream/i, why: "an unverified case study from the source; use a labelled fictional scenario instead" },
  // The source's factual errors.
  { pattern: /\bNATO\b/, why: "the source's NATO task-force claim is wrong: the Lake Chad task force is mandated by the African Union" },
  { pattern: /\b120 countries\b/i, why: "the figure is more than 110 countries (Soufan Center, 2017)" },
  // No real propaganda: outlets, magazines, symbols.
  { pattern: /\b(amaq|dabiq|rumiyah|inspire magazine|al-naba)\b/i, why: "names a real propaganda outlet; describe propaganda in general terms" },
  { pattern: /\b(black standard|shahada flag)\b/i, why: "describes a real extremist symbol; no flags or logos in the course" },
  { pattern: /https?:\/\/(t\.me|telegram\.me)\//i, why: "links to a messaging channel; no links to extremist spaces" },
  // Profiling language: warning signs are behaviours, never identity.
  { pattern: /\blooks? (muslim|arab|foreign|middle[- ]eastern|asian|african)\b/i, why: "describes identity as a sign; warning signs are behaviours" },
  { pattern: /\bmiddle[- ]eastern[- ](appearance|looking)\b/i, why: "describes identity as a sign; warning signs are behaviours" },
  { pattern: /\bsuspicious[- ]looking\b/i, why: "judges appearance; warning signs are behaviours" },
  // Pages by their real names: a learner or teacher told to open a page that does not exist is lost.
  { pattern: /\bresources (page|section)\b/i, why: "the app has no Resources page: reporting channels and cards are on the help page (Help)" },
  { pattern: /\bprogress page\b/i, why: "the learner's page is called My progress" },
  // Unusual purchases: keep to official wording; never name substances, items or amounts.
  { pattern: /\b(fertili[sz]er|acetone|hydrogen peroxide|pressure cookers?|ammonium nitrate|tatp|detonators?|pipe bombs?)\b/i, why: "names a substance or item; keep to 'large or unusual quantities of chemicals or weapon parts with no obvious reason'" },
];

export interface ForbiddenHit {
  line: number;
  term: string;
  why: string;
}

/** The rules a file of `locale` is held to: the English ones and the locale's own. */
export function forbiddenRules(locale = "en"): readonly ForbiddenRule[] {
  return [...FORBIDDEN, ...(FORBIDDEN_BY_LOCALE[locale] ?? [])];
}

export function findForbidden(text: string, locale = "en"): ForbiddenHit[] {
  const rules = forbiddenRules(locale);
  const hits: ForbiddenHit[] = [];
  text.split("\n").forEach((line, i) => {
    for (const rule of rules) {
      const m = rule.pattern.exec(line);
      if (m) hits.push({ line: i + 1, term: m[0], why: rule.why });
    }
  });
  return hits;
}
