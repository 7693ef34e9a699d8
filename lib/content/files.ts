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
  return doc.toJS();
}

export function check<S extends z.ZodType>(schema: S, data: unknown, file: string, problems: ContentProblem[]): z.output<S> | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const issue of r.error.issues) problems.push({ file, field: fieldPath(issue.path), message: issue.message });
  return undefined;
}

export function sortedDir(dir: string): fs.Dirent[] {
  return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith(".")).sort((a, b) => a.name.localeCompare(b.name));
}

export function rel(root: string, p: string): string {
  return path.relative(root, p).split(path.sep).join("/");
}
