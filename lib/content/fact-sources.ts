// "Every statistic and real event carries a source" (CONTENT-GUIDE.md §1), made checkable for a
// lesson's text. Pure: body and its front-matter sources in, findings out.
//
// The rule, as the content check applies it:
// - A lesson's sections are its `##` headings (a `###` belongs to the `##` above it; text before the
//   first `##` is a section of its own).
// - A *fact* is a year (1900-2099), a percentage, or a number with a unit or a count of people
//   ("2,500 ISIS fighters", "14 people", "$3 million"). Time spans (minutes, hours, weeks) are not
//   facts: they are advice and workshop timings.
// - Not facts: text inside a `:::scenario` block (invented, and labelled so), lesson and module
//   numbers, clock times ("1:00 to 8:00"), phone numbers, list numbering, and the allow-list below.
// - A section is *sourced* when it holds a Markdown link, a citation in parentheses with a year or a
//   date ("(Soufan Center, 2017)", "(GOV.UK, February 2024)"), a bare citation "(AP)" that names one
//   of the lesson's `sources` by publisher or its initials, or a table with a "Source" column (SOURCE_COLUMN_HEADINGS: "Fuente", "المصدر"...).
// Every fact in a section with no source is a finding, by line.

export interface LessonSourceRef {
  title: string;
  publisher: string;
}

export interface FactFinding {
  /** 1-based line in the body. */
  line: number;
  /** The figure or year that needs a source. */
  fact: string;
  section: string;
}

export interface FactReport {
  /** Facts found (outside fiction and the allow-list). */
  facts: number;
  /** Of those, the ones in a section that has a source. */
  sourced: number;
  findings: FactFinding[];
}

/** Strings that look like facts but are not, each with its reason. Matched against the line. */
export const FACT_ALLOW_LIST: readonly { text: RegExp; why: string }[] = [
  { text: /\b24\/7\b/, why: "opening hours, not a figure" },
  { text: /\bages? \d{2}(?:\s?(?:-|to)\s?\d{2})?\b/i, why: "the course's audience, not a figure" },
];

/** The heading of a table's source column in each course language (singular and plural). */
export const SOURCE_COLUMN_HEADINGS: Readonly<Record<string, readonly string[]>> = {
  en: ["Source", "Sources"],
  fr: ["Source", "Sources"],
  es: ["Fuente", "Fuentes"],
  ar: ["المصدر", "المصادر"],
};

const SOURCE_COLUMN = new RegExp(
  `^\\s*\\|(?:[^|\\n]*\\|)*\\s*\\**(?:${[...new Set(Object.values(SOURCE_COLUMN_HEADINGS).flat())].join("|")})\\**\\s*\\|`,
  "imu",
);

const COUNT_NOUNS =
  "people|persons|participants|fighters|foreign fighters|countries|deaths|dead|killed|injured|victims|members|users|recruits|students|children|adults|young people|teenagers|accounts|attacks|adults|players|respondents|volunteers|calls|referrals|arrests|charges|offences|counts";
const UNITS = "million|billion|thousand|dollars|pounds|euros|km|kilometres|miles|kg";

const YEAR = /(?<![\d/.:-])(?:19|20)\d{2}(?![\d/:])/g;
const PERCENT = /\d+(?:\.\d+)?\s?(?:%|per ?cent\b)/g;
const MONEY = /[$£€]\s?\d[\d,.]*(?:\s?(?:million|billion|thousand|m|bn|k)\b)?/g;
const COUNT = new RegExp(`(?<![\\d:.,/-])\\d[\\d,]*(?:\\.\\d+)?(?:\\s+[A-Za-z-]+){0,2}?\\s+(?:${COUNT_NOUNS}|${UNITS})\\b`, "gi");

/** Parts of a line that are never facts: clock times, phone numbers, lesson/module numbers, list numbering. */
function stripNonFacts(line: string): string {
  return line
    .replace(/^\s*(?:\d+[.)]|[-*])\s+/, " ") // list numbering
    .replace(/\b\d{1,2}:\d{2}\b/g, " ") // clock times and workshop timings
    .replace(/\b(?:lesson|lessons|module|modules|step|steps|part|group|level|grade|question|questions|week|weeks|year|years)\s+\d+(?:\s*(?:and|to|-|,)\s*\d+)*/gi, " ")
    .replace(/(?:\+?\d[\d -]{5,}\d)/g, (m) => (/^(?:19|20)\d{2}$/.test(m.trim()) ? m : " ")) // phone numbers (runs of digits and spaces or hyphens)
    .replace(/\b1-\d{3}-[A-Z0-9-]+\b/g, " "); // 1-800-CALL-FBI
}

/** The facts on one line (after the allow-list and the non-fact parts are removed). */
export function factsOnLine(line: string): string[] {
  let text = stripNonFacts(line);
  for (const a of FACT_ALLOW_LIST) text = text.replace(new RegExp(a.text.source, a.text.flags.includes("g") ? a.text.flags : `${a.text.flags}g`), " ");
  const found: string[] = [];
  // Each fact counts once: a match is blanked out before the next pattern looks ("$3 million" is not also "3 million").
  for (const re of [PERCENT, MONEY, COUNT, YEAR]) {
    for (const m of text.matchAll(re)) found.push(m[0].trim());
    text = text.replace(re, (m) => " ".repeat(m.length));
  }
  return found;
}

function initials(s: string): string {
  return s
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join("");
}

/** True when a parenthesised name cites one of the lesson's sources (by publisher, title or initials). */
function namesASource(name: string, sources: readonly LessonSourceRef[]): boolean {
  const n = name.trim().toLowerCase();
  if (n.length < 2) return false;
  // Whole words only: "(UK)" must not cite a title that happens to contain "Hanukkah".
  const word = new RegExp(`(?:^|[^a-z0-9])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:$|[^a-z0-9])`);
  return sources.some((s) => word.test(s.publisher.toLowerCase()) || word.test(s.title.toLowerCase()) || initials(s.publisher).toLowerCase() === n);
}

/** True when a section's text holds a source under the rule above. */
export function sectionHasSource(text: string, sources: readonly LessonSourceRef[]): boolean {
  if (/\[[^\]]+\]\(https?:\/\/[^)]+\)/.test(text)) return true;
  // "(Name, 2017)", "(Name and colleagues, 2022, 196 people)", "(GOV.UK, February 2024)"
  if (/\([A-Z][^()]*?,\s*(?:[^()]*?\s)?(?:19|20)\d{2}\b[^()]*\)/.test(text)) return true;
  for (const m of text.matchAll(/\(([A-Z][A-Za-z.&' -]{1,60})\)/g)) {
    if (namesASource(m[1], sources)) return true;
  }
  // A table whose header row has a "Source" column, in any course language.
  if (SOURCE_COLUMN.test(text)) return true;
  return false;
}

/** Checks a lesson body: every fact in a section without a source is a finding. */
export function checkLessonFacts(body: string, sources: readonly LessonSourceRef[]): FactReport {
  const lines = body.split("\n");
  const sections: { title: string; start: number; end: number }[] = [];
  let current = { title: "(before the first heading)", start: 0, end: lines.length };
  lines.forEach((line, i) => {
    if (/^##\s/.test(line)) {
      current.end = i;
      sections.push(current);
      current = { title: line.replace(/^##\s+/, "").trim(), start: i, end: lines.length };
    }
  });
  sections.push(current);

  const report: FactReport = { facts: 0, sourced: 0, findings: [] };
  for (const s of sections) {
    const own = lines.slice(s.start, s.end);
    const sourced = sectionHasSource(own.join("\n"), sources);
    let inFiction = false;
    own.forEach((line, k) => {
      const trimmed = line.trim();
      if (trimmed.startsWith(":::")) {
        inFiction = trimmed !== ":::";
        return;
      }
      if (inFiction) return;
      for (const fact of factsOnLine(line)) {
        report.facts += 1;
        if (sourced) report.sourced += 1;
        else report.findings.push({ line: s.start + k + 1, fact, section: s.title });
      }
    });
  }
  return report;
}
