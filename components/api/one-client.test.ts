// One react-query client and no provider to forget: only components/api may import react-query's
// runtime (its hooks there are bound to the singleton in query-client.ts); elsewhere types only.
// And the pages every learner loads (the header on every page, lessons, quizzes) stay free of
// react-query altogether, which is most of what their JavaScript weighed above a bare Next page.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = /\.(ts|tsx)$/;
const DATA_RUNTIME = ["components/api/query-client.ts", "components/api/queries.ts"];

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return walk(rel);
    return SOURCE.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** Every module specifier a file imports or re-exports, with whether the import is type-only. */
function imports(file: string): { from: string; typeOnly: boolean }[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const out: { from: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?["']([^"']+)["']/gm)) out.push({ from: m[4], typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) out.push({ from: m[1], typeOnly: false });
  return out;
}

/** A specifier as a file of the repository, or null for a package. */
function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (SOURCE.test(candidate) && fs.existsSync(path.join(ROOT, candidate))) return candidate;
  }
  return null;
}

/** The files `entry` loads at run time, following static and dynamic imports (not type-only ones). */
function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { from, typeOnly } of imports(file)) {
      const next = typeOnly ? null : resolve(file, from);
      if (next) queue.push(next);
    }
  }
  return seen;
}

const files = [...walk("app"), ...walk("components"), ...walk("lib")];

describe("one react-query client", () => {
  it("is reached only through components/api: react-query's runtime is imported nowhere else", () => {
    const offenders = files.filter((f) => !DATA_RUNTIME.includes(f) && imports(f).some((i) => i.from.startsWith("@tanstack/react-query") && !i.typeOnly));
    expect(offenders).toEqual([]);
  });

  it("has no provider to mount (the hooks in components/api/queries.ts carry the client)", () => {
    const providers = files.filter((f) => /QueryClientProvider/.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(providers).toEqual([]);
  });

  it("reads its type-only imports correctly (the walker's own check)", () => {
    expect(imports("components/cohort/use-list-action.ts")).toContainEqual({ from: "@tanstack/react-query", typeOnly: true });
    expect(graph("components/api/use-send.ts")).toContain("components/api/query-client.ts");
  });
});

describe("the pages every learner loads carry no react-query", () => {
  const heavy = ["components/api/query-client.ts", "components/api/queries.ts", "components/api/use-send.ts"];
  it.each([
    ["the site header (every page)", "components/ui/site-header.tsx"],
    ["the site footer (every page)", "components/ui/site-footer.tsx"],
    ["the locale layout", "app/[locale]/layout.tsx"],
    ["the home page", "app/[locale]/page.tsx"],
    ["a lesson", "app/[locale]/(learn)/courses/[course]/[lesson]/page.tsx"],
    ["a lesson's quiz", "app/[locale]/(learn)/courses/[course]/[lesson]/quiz/page.tsx"],
    ["a live session's phone view (issue #24: at most 1.15x a bare page's JavaScript)", "app/[locale]/(learn)/live/[session]/page.tsx"],
  ])("%s", (_name, entry) => {
    expect(fs.existsSync(path.join(ROOT, entry))).toBe(true);
    expect([...graph(entry)].filter((f) => heavy.includes(f))).toEqual([]);
  });
});

describe("the lesson quiz page", () => {
  it("loads the lesson runner only, not the server-graded one of boosters and checks", () => {
    const loaded = graph("app/[locale]/(learn)/courses/[course]/[lesson]/quiz/page.tsx");
    expect(loaded).toContain("components/quiz/quiz-runner.tsx");
    expect([...loaded].filter((f) => /components\/quiz\/(graded-runner|check-result|grade-request)\./.test(f))).toEqual([]);
  });
});
