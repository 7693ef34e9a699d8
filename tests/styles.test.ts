// The styles are files next to their components, composed by app/globals.css into the one
// stylesheet a learner's page loads. These checks keep that shape: every CSS file is loaded one way
// (composed by an @import, or imported by a facilitator's or admin's component, never both, which
// would make Turbopack split the composition into several stylesheets), each selector has one home,
// and no physical direction (left, right) is written: pages mirror by themselves under dir="rtl".
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
  // Issue #25 converted the last physical declarations; `npm run lint` (stylelint.config.mjs)
  // now refuses them as they are written, and this walk says the same of the committed files.
  it("names no physical side (left, right) in any stylesheet", () => {
    const found = Object.fromEntries(cssFiles.map((f): [string, string[]] => [f, physical(f)]).filter(([, list]) => list.length > 0));
    expect(found, "use the logical property (margin-inline-start, inset-inline-end, border-inline-start, text-align: start, float: inline-start)").toEqual({});
  });

  it("finds the physical declarations it is meant to find", () => {
    const sample = `.a { margin-left: 1px; padding-inline-start: 0; text-align: right; text-align: start; left: 0; inset-inline-start: 0; float: left; border-right-color: red; margin: 0 }`;
    const decls = rules(sample).flatMap((r) => r.declarations);
    const hits = decls.filter((d) => PHYSICAL_PROPERTY.test(d.property) || (PHYSICAL_VALUE.test(d.property) && /^(left|right)\b/.test(d.value)));
    expect(hits.map((d) => d.property)).toEqual(["margin-left", "text-align", "left", "float", "border-right-color"]);
  });

  it("has a lint that refuses each physical form and accepts its logical counterpart", async () => {
    const { default: stylelint } = await import("stylelint");
    const configFile = path.join(root, "stylelint.config.mjs");
    const warnings = async (code: string) => (await stylelint.lint({ code, configFile })).results[0].warnings.map((w) => w.rule);
    const physicalForms = [
      "margin-left: 1px",
      "padding-right: 1px",
      "border-left: 1px solid",
      "border-right-color: red",
      "left: 0",
      "right: 0",
      "text-align: left",
      "float: right",
      "clear: left",
      "border-top-left-radius: 2px",
      "scroll-margin-left: 1px",
      "margin: 0 1px 0 2px",
      "border-radius: 1px 2px",
      "background-position: right 1rem top",
    ];
    for (const form of physicalForms) expect(await warnings(`.a { ${form}; }`), form).not.toEqual([]);
    const logical = "margin-inline-start: 1px; padding-inline-end: 1px; border-inline-start: 1px solid; inset-inline: 0; text-align: start; float: inline-start; clear: inline-start; border-start-start-radius: 2px; margin: 0 1px 2px; padding: 1px 2px; border-radius: 4px; top: 0; margin-top: 1px; width: 1px; max-height: 2px; border-bottom: 1px solid";
    expect(await warnings(`.a { ${logical}; }`)).toEqual([]);
  });
});
