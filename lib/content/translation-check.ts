// The translation workflow's checks, run by `npm run content:check`: a translation whose English
// source changed since (stale); a message key, item id, correct answer or scenario link that
// differs from the source; a message whose placeholders differ; a file English has and a complete
// locale lacks. Also each locale's coverage for `--json`. The records' own format is validated by
// the loader (translation.ts); here a file with a broken record is skipped, not reported twice.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fieldPath, withoutRecord, type ContentProblem } from "./files";
import { compareIcu } from "./icu";
import { readLocales, type LocaleStatus } from "./locales";
import { SENTENCE_LENGTH_ALLOWANCE, sentenceLength, TYPICAL_WORDS_PER_ENGLISH_WORD } from "./readability";
import { contentFiles, parseContentFile, recordKey, recordOf, SOURCE_LOCALE, translationRecord } from "./translation";

export interface LocaleCoverage {
  locale: string;
  /** Listed in locales.json (served), or only a folder under way. */
  listed: boolean;
  /** complete: a missing file is an error; partial: it is coverage (locales.json, content/README.md). */
  status: LocaleStatus;
  translated: number;
  total: number;
  /** translated / total, in per cent, one decimal. */
  coverage: number;
  draft: number;
  reviewed: number;
  /** Paths (inside the locale folder) whose English source changed since they were translated. */
  stale: string[];
  /** Paths English has and this locale does not (shown in English, with a notice). */
  missing: string[];
}

export interface TranslationCheck {
  problems: ContentProblem[];
  warnings: ContentProblem[];
  locales: LocaleCoverage[];
}

export function sha256(bytes: Buffer | string): string {
  return `sha256:${crypto.createHash("sha256").update(bytes).digest("hex")}`;
}

/** Every locale to check: those with a folder under content/ and those listed in locales.json, the source aside. */
export function checkTranslations(root: string): TranslationCheck {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const config = readLocales(root);
  if ("error" in config) problems.push({ file: "locales.json", field: "", message: config.error });
  const listed = new Map(("error" in config ? [] : config.locales).map((l) => [l.code, l.status]));
  const folders = fs.existsSync(root) ? fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && /^[a-z]{2}(?:-[A-Z]{2})?$/.test(e.name)).map((e) => e.name) : [];
  const codes = [...new Set([...folders, ...listed.keys()])].filter((c) => c !== SOURCE_LOCALE).sort();
  const sourceFiles = contentFiles(path.join(root, SOURCE_LOCALE));
  const locales = codes.map((code) => checkLocale(root, code, listed.has(code), listed.get(code) ?? "partial", sourceFiles, problems, warnings));
  return { problems, warnings, locales };
}

function checkLocale(root: string, locale: string, isListed: boolean, status: LocaleStatus, sourceFiles: string[], problems: ContentProblem[], warnings: ContentProblem[]): LocaleCoverage {
  const own = contentFiles(path.join(root, locale));
  const coverage: LocaleCoverage = { locale, listed: isListed, status, translated: 0, total: sourceFiles.length, coverage: 0, draft: 0, reviewed: 0, stale: [], missing: [] };
  const sources = new Set(sourceFiles);
  for (const file of own) {
    const fileRel = `${locale}/${file}`;
    if (!sources.has(file)) {
      problems.push({ file: fileRel, field: "", message: `content/${SOURCE_LOCALE}/${file} does not exist: a translated locale has only files that ${SOURCE_LOCALE} has (ids and files stay the same in every language)` });
      continue;
    }
    coverage.translated++;
    const sourceBytes = fs.readFileSync(path.join(root, SOURCE_LOCALE, file));
    const raw = fs.readFileSync(path.join(root, locale, file), "utf8");
    const parsed = parseContentFile(raw, file);
    const source = parseContentFile(sourceBytes.toString("utf8"), file);
    if ("error" in parsed || "error" in source) continue; // The loader names the syntax error.
    const record = translationRecord.safeParse(recordOf(parsed.data, file));
    if (record.success) {
      coverage[record.data.status]++;
      if (record.data.sourceHash !== sha256(sourceBytes)) {
        coverage.stale.push(file);
        problems.push({ file: fileRel, field: `${recordKey(file)}.sourceHash`, message: `stale: content/${SOURCE_LOCALE}/${file} changed since this was translated; bring the translation up to date, then set sourceHash to ${sha256(sourceBytes)}` });
      }
    }
    const key = recordKey(file);
    const report = (field: string, message: string) => problems.push({ file: fileRel, field, message });
    if (file.endsWith(".json")) {
      compareMessages(withoutRecord(source.data, key), withoutRecord(parsed.data, key), locale, report, (field, message) => warnings.push({ file: fileRel, field, message }));
    } else {
      compareStructure(withoutRecord(source.data, key), withoutRecord(parsed.data, key), [], report);
      compareSchoolReading(source.data, parsed.data, locale, report);
      if (/\.mdx?$/.test(file)) compareDirectives(sourceBytes.toString("utf8"), raw, report);
    }
  }
  const ownSet = new Set(own);
  coverage.missing = sourceFiles.filter((f) => !ownSet.has(f));
  if (status === "complete") {
    for (const f of coverage.missing) problems.push({ file: `${locale}/${f}`, field: "", message: `missing: ${locale} is listed as complete in locales.json and has no translation of content/${SOURCE_LOCALE}/${f} (translate it, or mark the locale "status": "partial")` });
  }
  coverage.coverage = coverage.total === 0 ? 0 : Math.round((coverage.translated / coverage.total) * 1000) / 10;
  return coverage;
}

/**
 * A school track's texts for students, translated: as many sentences as the English (a sentence
 * may become two, two may not become one) and no longer than the language usually makes them
 * (lib/content/readability.ts). English school texts are held to a reading grade by
 * lib/content/extras.ts; this keeps a translation at the same reading level in any script.
 */
export function compareSchoolReading(source: unknown, translated: unknown, locale: string, report: Report): void {
  const lessonsOf = (d: unknown) => (d && typeof d === "object" && (d as { kind?: unknown }).kind === "school" && Array.isArray((d as { lessons?: unknown }).lessons) ? ((d as { lessons: unknown[] }).lessons as Record<string, unknown>[]) : undefined);
  const src = lessonsOf(source);
  const own = lessonsOf(translated);
  if (!src || !own) return;
  const textOf = (l: Record<string, unknown>) => ["learnerText", "contentWarning", "optOut"].map((k) => (typeof l[k] === "string" ? l[k] : "")).join("\n\n");
  const factor = (TYPICAL_WORDS_PER_ENGLISH_WORD[locale] ?? 1) * SENTENCE_LENGTH_ALLOWANCE;
  own.forEach((l, i) => {
    if (!src[i]) return; // compareStructure reports the difference in length.
    const english = sentenceLength(textOf(src[i]));
    const mine = sentenceLength(textOf(l));
    const limit = Math.round(english.wordsPerSentence * factor * 10) / 10;
    if (mine.sentences < Math.floor(english.sentences * 0.8)) {
      report(`lessons[${i}].learnerText`, `${mine.sentences} sentences where the English has ${english.sentences}: keep the English's short sentences (split, do not join)`);
    } else if (mine.wordsPerSentence > limit) {
      report(`lessons[${i}].learnerText`, `${mine.wordsPerSentence} words a sentence, above ${limit} (the English's ${english.wordsPerSentence} at this language's usual length): use shorter sentences`);
    }
  });
}

/**
 * Fields whose values are the same in every language: ids and links, keys (correct answers),
 * kinds and categories, numbers, addresses and dates. Every other string is text and is translated.
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  "id", "answer", "next", "start", "type", "kind", "skill", "ideology", "outcome", "technique", "use", "status",
  "quiz", "scenario", "activity", "course", "module", "lessons", "handouts", "uses", "print", "page", "tracks",
  "versions", "feature", "pair", "code", "phone", "url", "emergency", "date", "lastVerified", "confidence", "see",
  "assessment", "ages",
]);

type Report = (field: string, message: string) => void;
type Path = (string | number)[];

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (v instanceof Date) return "a date";
  return typeof v === "object" ? "a mapping" : typeof v;
}

/** The name of the field a value sits in: its key, or for a list's element the list's key. */
function fieldName(at: Path): string | undefined {
  for (let i = at.length - 1; i >= 0; i--) if (typeof at[i] === "string") return at[i] as string;
  return undefined;
}

/** Walks a source file and its translation side by side: same keys, same list lengths, same ids and keys. */
export function compareStructure(source: unknown, translated: unknown, at: Path, report: Report): void {
  const field = fieldPath(at);
  const name = fieldName(at);
  if (kindOf(source) !== kindOf(translated)) {
    report(field, `is ${kindOf(translated)} here and ${kindOf(source)} in the source: a translation keeps the source's structure`);
    return;
  }
  if (Array.isArray(source)) {
    const t = translated as unknown[];
    if (source.length !== t.length) {
      const ids = (list: unknown[]) => list.map((x) => (x && typeof x === "object" && "id" in x ? String((x as { id: unknown }).id) : undefined)).filter((x) => x !== undefined);
      const [sIds, tIds] = [ids(source), ids(t)];
      const extra = tIds.filter((x) => !sIds.includes(x));
      const lacking = sIds.filter((x) => !tIds.includes(x));
      const which = [extra.length ? `extra id${extra.length > 1 ? "s" : ""} ${extra.join(", ")}` : "", lacking.length ? `missing id${lacking.length > 1 ? "s" : ""} ${lacking.join(", ")}` : ""].filter(Boolean).join("; ");
      report(field, `${t.length} item${t.length === 1 ? "" : "s"} here and ${source.length} in the source${which ? ` (${which})` : ""}: a translation has the same items in the same order`);
      return;
    }
    source.forEach((s, i) => compareStructure(s, t[i], [...at, i], report));
    return;
  }
  if (source && typeof source === "object" && !(source instanceof Date)) {
    const s = source as Record<string, unknown>;
    const t = translated as Record<string, unknown>;
    // A scenario's steps are keyed by their ids: a different key is a different graph.
    const what = name === "steps" ? "scenario step" : "field";
    for (const k of Object.keys(s)) if (!(k in t)) report(fieldPath([...at, k]), `the ${what} "${k}" is in the source and not here${what === "field" ? "" : ": the scenario graph must match the source"}`);
    for (const k of Object.keys(t)) if (!(k in s)) report(fieldPath([...at, k]), `the ${what} "${k}" is not in the source${what === "field" ? "" : ": the scenario graph must match the source"}`);
    for (const k of Object.keys(s)) if (k in t) compareStructure(s[k], t[k], [...at, k], report);
    return;
  }
  const same = source instanceof Date && translated instanceof Date ? source.getTime() === translated.getTime() : source === translated;
  if (same) return;
  if (typeof source === "string" && !(name && SAME_IN_EVERY_LANGUAGE.has(name))) return; // Text: translated.
  const shown = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : JSON.stringify(v));
  const why =
    name === "answer" ? "the correct answer must match the source" :
    name === "id" ? "ids stay the same in every language" :
    name === "next" || name === "start" ? "the scenario graph must match the source" :
    "this field is not translated";
  report(field, `${shown(translated)} here and ${shown(source)} in the source: ${why}`);
}

/** The directives of a lesson's body (":::scenario{ideology=none}"), in order: the same stories in the same places. */
function compareDirectives(source: string, translated: string, report: Report) {
  const heads = (md: string) => md.split("\n").map((l) => l.trim()).filter((l) => /^:::\w/.test(l));
  const [s, t] = [heads(source), heads(translated)];
  if (s.length !== t.length || s.some((h, i) => h !== t[i])) {
    report("body", `the directives differ from the source (${t.join(" ") || "none"} here, ${s.join(" ") || "none"} there): keep each ":::" line as it is`);
  }
}

function flatten(data: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (data && typeof data === "object" && !Array.isArray(data)) {
    for (const [k, v] of Object.entries(data)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, data);
  }
  return out;
}

/** messages.json: the same keys as the source, and each message with the same placeholders. */
export function compareMessages(source: unknown, translated: unknown, locale: string, report: Report, warn: Report): void {
  const s = flatten(source);
  const t = flatten(translated);
  for (const k of s.keys()) if (!t.has(k)) report(k, `the message key is in ${SOURCE_LOCALE} and not in ${locale}`);
  for (const k of t.keys()) if (!s.has(k)) report(k, `the message key is in ${locale} and not in ${SOURCE_LOCALE}`);
  for (const [k, sv] of s) {
    const tv = t.get(k);
    if (typeof sv !== "string" || typeof tv !== "string") continue;
    const { errors, warnings } = compareIcu(sv, tv, locale);
    for (const e of errors) report(k, e);
    for (const w of warnings) warn(k, w);
  }
}
