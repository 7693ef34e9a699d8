// The `translation` record every translated content file carries: which English file it
// translates, a hash of that file's bytes when it was translated, and whether a reviewer has read
// it. The format is written down in content/README.md ("Translations"). The loader validates the
// records here; the workflow checks (stale, coverage, same structure as the source) are in
// translation-check.ts, run by `npm run content:check`.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import YAML from "yaml";
import { z } from "zod";
import { check, rel, type ContentProblem } from "./files";

export { withoutRecord } from "./files";

/** Translations are made from this locale's files; its own files carry no record. */
export const SOURCE_LOCALE = "en";

/** Files that are content: lessons, YAML files and messages.json. */
export const CONTENT_FILE = /\.(md|mdx|ya?ml|json)$/;

const text = z.string().trim().min(1, "must not be empty");

export const translationRecord = z
  .strictObject({
    source: z.string().regex(/^content\/[a-z]{2}(?:-[A-Z]{2})?\/\S+$/, "write the English file's path from the project root: content/en/<same path as this file>"),
    sourceHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, "write sha256: and the 64 lower-case hex digits of the English file's hash (content/README.md, Translations)"),
    status: z.enum(["draft", "reviewed"], { error: 'write "draft" (not yet reviewed) or "reviewed"' }),
    /** The reviewer's role (never a name), e.g. "community educator, native Arabic speaker". */
    reviewer: text.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.status === "reviewed" && !r.reviewer) ctx.addIssue({ code: "custom", path: ["reviewer"], message: "a reviewed translation names its reviewer's role" });
    if (r.status === "draft" && r.reviewer) ctx.addIssue({ code: "custom", path: ["reviewer"], message: "a draft has no reviewer yet: set status: reviewed, or leave reviewer out" });
  });
export type TranslationRecord = z.infer<typeof translationRecord>;
export type TranslationStatus = TranslationRecord["status"];

/** The key that holds the record: `translation` in front matter and YAML, `$translation` in messages.json. */
export function recordKey(file: string): "translation" | "$translation" {
  return file.endsWith(".json") ? "$translation" : "translation";
}

/** A content file's parsed data (front matter for Markdown), or an error message when it does not parse. */
export function parseContentFile(raw: string, file: string): { data: unknown } | { error: string } {
  try {
    if (/\.mdx?$/.test(file)) return { data: matter(raw).data };
    if (file.endsWith(".json")) return { data: JSON.parse(raw) };
    return { data: YAML.parse(raw) };
  } catch (e) {
    return { error: (e as Error).message.split("\n")[0] };
  }
}

/** The record in a parsed file, or undefined. */
export function recordOf(data: unknown, file: string): unknown {
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  return (data as Record<string, unknown>)[recordKey(file)];
}

/** Every content file under a folder, as paths relative to it ("courses/x/lessons/01-y.md"). */
export function contentFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith(".")) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (CONTENT_FILE.test(e.name)) out.push(rel(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/** A top-level translation record: a line "translation:" (YAML, front matter) or a "$translation" key (messages.json). */
const SOURCE_RECORD = /^translation:|^\s*"\$translation"\s*:/m;

/** A path inside a locale folder without its extension: how a file is looked up whatever it is named (.yml or .yaml). */
export function fileKey(relInLocale: string): string {
  return relInLocale.replace(/\.(mdx?|ya?ml|json)$/, "");
}

/**
 * Reads and validates the translation records of one locale's own files (not the files it falls
 * back to). A source-locale file carries none; every other file carries one whose source is the
 * English file at the same path. Returns the records by fileKey.
 */
export function loadTranslationRecords(root: string, locale: string, problems: ContentProblem[]): Map<string, TranslationRecord> {
  const records = new Map<string, TranslationRecord>();
  const dir = path.join(root, locale);
  for (const file of contentFiles(dir)) {
    const fileRel = `${locale}/${file}`;
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    const key = recordKey(file);
    if (locale === SOURCE_LOCALE) {
      // A source file is only looked at for a record, not parsed a second time (the loader parses it).
      if (SOURCE_RECORD.test(text)) problems.push({ file: fileRel, field: key, message: `a ${SOURCE_LOCALE} file is a source, not a translation: remove the ${key} record` });
      continue;
    }
    const parsed = parseContentFile(text, file);
    if ("error" in parsed) {
      // The loader names YAML and front-matter errors; messages.json is read only here and by the app.
      if (file.endsWith(".json")) problems.push({ file: fileRel, field: "", message: `not valid JSON: ${parsed.error}` });
      continue;
    }
    const raw = recordOf(parsed.data, file);
    if (raw === undefined) {
      problems.push({ file: fileRel, field: key, message: `a translated file records what it translates: add a ${key} record with source, sourceHash and status (content/README.md, Translations)` });
      continue;
    }
    const problemsBefore = problems.length;
    const record = check(translationRecord, raw, fileRel, problems);
    for (let i = problemsBefore; i < problems.length; i++) problems[i] = { ...problems[i], field: problems[i].field ? `${key}.${problems[i].field}` : key };
    if (!record) continue;
    const expected = `content/${SOURCE_LOCALE}/${file}`;
    if (record.source !== expected) {
      problems.push({ file: fileRel, field: `${key}.source`, message: `a translation sits at the same path as its source: write source: ${expected} (or move the file)` });
      continue;
    }
    if (!fs.existsSync(path.join(root, SOURCE_LOCALE, file))) {
      problems.push({ file: fileRel, field: `${key}.source`, message: `${expected} does not exist: a translation needs its English source` });
      continue;
    }
    records.set(fileKey(file), record);
  }
  return records;
}
