// Small helpers shared by the content loaders: reading folders and YAML, and zod checks that
// turn every issue into a problem naming the file and the field.
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { z } from "zod";

export interface ContentProblem {
  /** Path relative to the content root, e.g. "en/courses/x/quizzes/y.yml". */
  file: string;
  /** The field, e.g. "questions[2].answer"; empty for the whole file. */
  field: string;
  message: string;
}

export function fieldPath(p: readonly PropertyKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "");
}

export function dupes(ids: string[], report: (index: number) => void) {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) report(i);
  });
}

export function parseYaml(raw: string, file: string, problems: ContentProblem[]): unknown {
  const doc = YAML.parseDocument(raw, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    problems.push({ file, field: e.linePos ? `line ${e.linePos[0].line}` : "", message: `not valid YAML: ${e.message.split("\n")[0]}` });
    return undefined;
  }
  // A translated file's record (lib/content/translation.ts) is read on its own; the schemas never see it.
  return withoutRecord(doc.toJS());
}

/** A parsed document without its translation record (the loaders' schemas are strict and know nothing of it). */
export function withoutRecord(data: unknown, key: "translation" | "$translation" = "translation"): unknown {
  if (!data || typeof data !== "object" || Array.isArray(data) || !(key in data)) return data;
  const { [key]: _record, ...rest } = data as Record<string, unknown>;
  return rest;
}

export function check<S extends z.ZodType>(schema: S, data: unknown, file: string, problems: ContentProblem[]): z.output<S> | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const issue of r.error.issues) problems.push({ file, field: fieldPath(issue.path), message: issue.message });
  return undefined;
}

function realDir(dir: string): fs.Dirent[] {
  return fs.readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true }).filter((e) => !e.name.startsWith("."));
}

/**
 * A translated locale is read over its source: a file missing from content/<locale>/ is read from
 * the same path under content/<source>/, so a partly translated locale loads whole (English where
 * no translation exists yet) and the links between files hold. Loading is synchronous, so one
 * overlay at a time is enough; `withFallback` sets it for the length of one locale's load.
 */
interface Overlay {
  /** content/<locale>/ */
  dir: string;
  /** content/<source>/ */
  source: string;
  /** Paths (relative to the content root) read from the source because the locale lacks them. */
  fellBack: Set<string>;
  root: string;
}
let overlay: Overlay | undefined;

export function withFallback<T>(root: string, locale: string, source: string, load: () => T): { value: T; fellBack: Set<string> } {
  const o: Overlay = { root, dir: path.join(root, locale), source: path.join(root, source), fellBack: new Set() };
  overlay = o;
  try {
    return { value: load(), fellBack: o.fellBack };
  } finally {
    overlay = undefined;
  }
}

/** The source-locale path a locale path falls back to, when an overlay is active and the path lies under it. */
function sourceOf(p: string): string | undefined {
  if (!overlay) return undefined;
  const r = path.relative(overlay.dir, p);
  if (r.startsWith("..") || path.isAbsolute(r)) return undefined;
  // Reads of this path carry turbopackIgnore: it is any path under the content root, which the
  // build's tracing cannot bound, so it would pull the whole project (tests too) into the server
  // traces; content/ is traced from where the loaders start (lib/content/index.ts).
  return path.join(overlay.source, r);
}

/** Whether a content file or folder exists (in the locale, or in its source when it falls back). */
export function exists(p: string): boolean {
  if (fs.existsSync(/*turbopackIgnore: true*/ p)) return true;
  const src = sourceOf(p);
  return src !== undefined && fs.existsSync(/*turbopackIgnore: true*/ src);
}

/** A content file's text, from the locale or (when it has no such file) from its source. */
export function readText(p: string): string {
  const src = sourceOf(p);
  if (src !== undefined && !fs.existsSync(/*turbopackIgnore: true*/ p)) {
    overlay!.fellBack.add(rel(overlay!.root, p));
    return fs.readFileSync(/*turbopackIgnore: true*/ src, "utf8");
  }
  return fs.readFileSync(/*turbopackIgnore: true*/ p, "utf8");
}

/** A folder's entries by name (hidden files left out); under an overlay, the locale's and its source's together. */
export function sortedDir(dir: string): fs.Dirent[] {
  const own = fs.existsSync(/*turbopackIgnore: true*/ dir) ? realDir(dir) : [];
  const src = sourceOf(dir);
  const names = new Set(own.map((e) => e.name));
  const extra = src !== undefined && fs.existsSync(/*turbopackIgnore: true*/ src) ? realDir(src).filter((e) => !names.has(e.name)) : [];
  return [...own, ...extra].sort((a, b) => a.name.localeCompare(b.name));
}

export function rel(root: string, p: string): string {
  return path.relative(root, p).split(path.sep).join("/");
}
