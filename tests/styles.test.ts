// The styles are files next to their components, composed by app/globals.css into the one
// stylesheet a learner's page loads. These checks keep that shape: every CSS file is loaded one way
// (composed by an @import, or imported by a facilitator's or admin's component, never both, which
// would make Turbopack split the composition into several stylesheets), each selector has one home,
// and no physical direction is added (issue #25 removes the ones listed below).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : walk(file, keep);
    return keep(file) ? [rel(file)] : [];
  });
}

const sourceDirs = ["app", "components"].map((dir) => path.join(root, dir));
const cssFiles = sourceDirs.flatMap((dir) => walk(dir, (f) => f.endsWith(".css"))).sort();
const codeFiles = sourceDirs.flatMap((dir) => walk(dir, (f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f)));
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const COMPOSITION = "app/globals.css";

/** A CSS file without its comments, strings kept (a quoted "{" or "/*" must not confuse the walk). */
function stripComments(css: string): string {
  return css.replace(/("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|\/\*[\s\S]*?\*\//g, (_, str: string | undefined) => str ?? " ");
}

type Statement = { prelude: string; body: string | null };

/** The top-level statements of a block: `prelude { body }`, or `prelude;` (body null). */
function statements(css: string): Statement[] {
  const out: Statement[] = [];
  let depth = 0;
  let start = 0;
  let bodyStart = 0;
  let prelude = "";
  let quote: string | null = null;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "{") {
      if (depth === 0) {
        prelude = css.slice(start, i).trim();
        bodyStart = i + 1;
      }
      depth++;
    } else if (c === "}") {
      depth--;
      if (depth === 0) {
        out.push({ prelude, body: css.slice(bodyStart, i) });
        start = i + 1;
      }
    } else if (c === ";" && depth === 0) {
      out.push({ prelude: css.slice(start, i).trim(), body: null });
      start = i + 1;
    }
  }
  return out;
}

/** Splits on a separator outside parentheses, brackets and quotes. */
function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote && text[i - 1] !== "\\") quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === separator && depth === 0) {
      parts.push(current);
      current = "";
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

type Rule = { context: string; selectors: string[]; declarations: { property: string; value: string }[] };

/** Every style rule of a file with the at-rules around it (e.g. "@media print"). */
function rules(css: string, context = ""): Rule[] {
  return statements(css).flatMap(({ prelude, body }): Rule[] => {
    if (body === null) return [];
    // Conditional group rules hold rules; other at-rules (@page, @font-face, @keyframes) are one block.
    if (/^@(media|supports|layer|container)\b/.test(prelude)) return rules(body, squash(`${context} ${prelude}`));
    const declarations = splitTop(body, ";").flatMap((d) => {
      const colon = d.indexOf(":");
      return colon < 0 ? [] : [{ property: d.slice(0, colon).trim().toLowerCase(), value: squash(d.slice(colon + 1)) }];
    });
    const selectors = prelude.startsWith("@") ? [squash(prelude)] : splitTop(prelude, ",").map(squash);
    return [{ context, selectors, declarations }];
  });
}

const imports = (css: string) =>
  statements(stripComments(css)).flatMap(({ prelude, body }) => {
    const m = body === null ? /^@import\s+(?:url\()?\s*["']([^"']+)["']/.exec(prelude) : null;
    return m ? [m[1]] : [];
  });

const composed = imports(read(COMPOSITION)).map((target) => rel(path.resolve(root, "app", target)));

/** CSS files imported from TypeScript, with who imports each. */
const componentImports = new Map<string, string[]>();
for (const file of codeFiles) {
  for (const m of read(file).matchAll(/^\s*import\s+["']([^"']+\.css)["'];?/gm)) {
    const target = m[1].startsWith("@/") ? m[1].slice(2) : rel(path.resolve(root, path.dirname(file), m[1]));
    componentImports.set(target, [...(componentImports.get(target) ?? []), file]);
  }
}

describe("the one stylesheet", () => {
  it("is a composition: app/globals.css holds only @import lines and comments", () => {
    const other = statements(stripComments(read(COMPOSITION))).filter((s) => s.body !== null || !s.prelude.startsWith("@import"));
    expect(other.map((s) => s.prelude), "a rule belongs in its feature's file, imported here").toEqual([]);
  });

  it("imports files that exist, each once, and nothing else uses @import", () => {
    for (const file of composed) expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    expect(new Set(composed).size, "a file imported twice").toBe(composed.length);
    // Nested imports would hide the cascade order from app/globals.css.
    const nested = cssFiles.filter((f) => f !== COMPOSITION && imports(read(f)).length > 0);
    expect(nested).toEqual([]);
  });

  it("reaches every CSS file, by the composition or by a component, never both", () => {
    const unreached = cssFiles.filter((f) => f !== COMPOSITION && !composed.includes(f) && !componentImports.has(f));
    expect(unreached, "a CSS file nothing loads").toEqual([]);
    // Turbopack inlines the @imports into one file only while no composed file is also imported
    // from a component; one shared file split every page's stylesheet into three (bench/README.md).
    const both = composed.filter((f) => componentImports.has(f)).map((f) => `${f} <- ${componentImports.get(f)!.join(", ")}`);
    expect(both, "composed by app/globals.css and imported by a component").toEqual([]);
    const globalsImporters = componentImports.get(COMPOSITION) ?? [];
    expect(globalsImporters.sort()).toEqual(["app/[locale]/layout.tsx", "app/not-found.tsx"]);
  });

  it("gives each selector one home: no selector in two files under the same at-rules", () => {
    // Two files may both set custom properties on :root, as long as each property has one home.
    const homes = new Map<string, Set<string>>();
    for (const file of cssFiles) {
      for (const rule of rules(stripComments(read(file)))) {
        const onlyCustom = rule.declarations.length > 0 && rule.declarations.every((d) => d.property.startsWith("--"));
        const keys = onlyCustom
          ? rule.selectors.flatMap((s) => rule.declarations.map((d) => `${s} { ${d.property} }`))
          : rule.selectors;
        for (const key of keys) {
          const id = `${rule.context ? `${rule.context} ` : ""}${key}`;
          homes.set(id, (homes.get(id) ?? new Set()).add(file));
        }
      }
    }
    const shared = [...homes].filter(([, files]) => files.size > 1).map(([id, files]) => `${id}: ${[...files].join(", ")}`);
    expect(shared).toEqual([]);
  });
});

/**
 * Physical directions left to convert (issue #25), per file. The list may only shrink: a new
 * rule uses logical properties (margin-inline-start, padding-inline, text-align: start, ...), and
 * a converted declaration comes off this list. The two floats stay until float: inline-start is
 * safe on the phones learners use (Chrome 118, Safari 15).
 */
const PHYSICAL_ALLOWANCE: Record<string, string[]> = {
  "components/admin/admin.css": ["text-align: left", "text-align: right", "border-left: 4px solid var(--accent)"],
  "components/attitudes/attitude-form.css": ["float: left"],
  "components/cohort/cohort-reports.css": [
    "margin-right: var(--space-2)",
    "text-align: left",
    "text-align: left",
    "text-align: right",
    "margin-left: auto",
    "margin-right: var(--space-3)",
    "text-align: right",
  ],
  "components/cohort/cohort.css": [
    "margin-right: var(--space-3)",
    "border-left: 4px solid var(--partial)",
    "margin-left: var(--space-1)",
    "border-left: 4px solid var(--accent)",
    "padding-left: var(--space-3)",
  ],
  "components/cohort/join-sheet.css": ["padding-left: var(--space-5)"],
  "components/quiz/quiz.css": ["float: left"],
};

const PHYSICAL_PROPERTY = /^(?:(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)(?:-[a-z]+)?|left|right|border-(?:top|bottom)-(?:left|right)-radius)$/;
const PHYSICAL_VALUE = /^(?:text-align|float|clear)$/;

function physical(file: string): string[] {
  return rules(stripComments(read(file))).flatMap((rule) =>
    rule.declarations
      .filter((d) => PHYSICAL_PROPERTY.test(d.property) || (PHYSICAL_VALUE.test(d.property) && /^(left|right)\b/.test(d.value)))
      .map((d) => `${d.property}: ${d.value}`),
  );
}

describe("logical properties", () => {
  const found: Record<string, string[]> = Object.fromEntries(
    cssFiles.map((f): [string, string[]] => [f, physical(f).sort()]).filter(([, list]) => list.length > 0),
  );
  const allowed = Object.fromEntries(Object.entries(PHYSICAL_ALLOWANCE).map(([f, list]) => [f, [...list].sort()]));

  it("adds no physical direction (left, right) to any stylesheet", () => {
    for (const [file, list] of Object.entries(found)) {
      const rest = [...(allowed[file] ?? [])];
      const added = list.filter((d) => {
        const i = rest.indexOf(d);
        if (i < 0) return true;
        rest.splice(i, 1);
        return false;
      });
      expect(added, `${file}: use the logical property (e.g. margin-inline-start, text-align: start)`).toEqual([]);
    }
  });

  it("keeps the allowance as short as the stylesheets: a converted declaration comes off the list", () => {
    expect(found, "lower PHYSICAL_ALLOWANCE in tests/styles.test.ts").toEqual(allowed);
  });

  it("finds the physical declarations it is meant to find", () => {
    const sample = `.a { margin-left: 1px; padding-inline-start: 0; text-align: right; text-align: start; left: 0; inset-inline-start: 0; float: left; border-right-color: red; margin: 0 }`;
    const decls = rules(sample).flatMap((r) => r.declarations);
    const hits = decls.filter((d) => PHYSICAL_PROPERTY.test(d.property) || (PHYSICAL_VALUE.test(d.property) && /^(left|right)\b/.test(d.value)));
    expect(hits.map((d) => d.property)).toEqual(["margin-left", "text-align", "left", "float", "border-right-color"]);
  });
});
