// What app/ serves, read from the source: every page, every route handler method and every server
// action. The inventory test compares it with the matrix (matrix.ts), so a new route, method, page
// or action cannot ship without its row of expected answers. Plain Node + the TypeScript parser.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface Inventory {
  /** Page files, relative to the root, with "/" separators. */
  pages: string[];
  /** Route files with the HTTP methods each exports. */
  routes: { file: string; methods: HttpMethod[] }[];
  /** Server actions: exported functions of a "use server" file, or functions with an inline "use server". */
  actions: { file: string; name: string }[];
  /** Things the scanner cannot see through (e.g. `export * from` in a route file). */
  problems: string[];
}

const SOURCE = /\.(tsx?|jsx?|mjs|cjs)$/;

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (SOURCE.test(entry.name)) out.push(full);
  }
  return out;
}

function parse(file: string): ts.SourceFile {
  const kind = /\.(tsx|jsx)$/.test(file) ? ts.ScriptKind.TSX : file.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  return ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, kind);
}

const hasExport = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names a module exports (declarations, `export { a as b }`, re-exports), and whether it has `export *`. */
export function exportedNames(source: ts.SourceFile): { names: string[]; star: boolean } {
  const names: string[] = [];
  let star = false;
  for (const st of source.statements) {
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && hasExport(st) && st.name) names.push(st.name.text);
    else if (ts.isVariableStatement(st) && hasExport(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (ts.isExportDeclaration(st)) {
      if (!st.exportClause) star = true;
      else if (ts.isNamedExports(st.exportClause)) for (const el of st.exportClause.elements) names.push(el.name.text);
      else star = true; // export * as ns
    }
  }
  return { names, star };
}

function directive(statements: readonly ts.Statement[]): string[] {
  const out: string[] = [];
  for (const st of statements) {
    if (ts.isExpressionStatement(st) && ts.isStringLiteral(st.expression)) out.push(st.expression.text);
    else break;
  }
  return out;
}

/** Server actions in one file: all exports of a "use server" module, and functions whose body starts with "use server". */
export function serverActions(source: ts.SourceFile): string[] {
  const found = new Set<string>();
  if (directive(source.statements).includes("use server")) {
    const { names, star } = exportedNames(source);
    for (const n of names) found.add(n);
    if (star) found.add("*");
  }
  const visit = (node: ts.Node) => {
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) && node.body && ts.isBlock(node.body)) {
      if (directive(node.body.statements).includes("use server")) found.add(actionName(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found];
}

function actionName(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return `(inline at line ${node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1})`;
}

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join("/");

/**
 * Scans `root`/app for pages and route handlers, and `root`/{app,components,lib} for server
 * actions ("use server" can be put in any module the app imports).
 */
export function scanApp(root: string): Inventory {
  const inv: Inventory = { pages: [], routes: [], actions: [], problems: [] };
  for (const file of walk(path.join(root, "app")).sort()) {
    const base = path.basename(file);
    if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(base)) inv.pages.push(rel(root, file));
    if (/^route\.(ts|js|mjs)$/.test(base)) {
      const { names, star } = exportedNames(parse(file));
      if (star) inv.problems.push(`${rel(root, file)}: "export *" hides which HTTP methods it serves; export them by name`);
      inv.routes.push({ file: rel(root, file), methods: HTTP_METHODS.filter((m) => names.includes(m)) });
    }
  }
  for (const dir of ["app", "components", "lib"]) {
    for (const file of walk(path.join(root, dir)).sort()) {
      if (/\.test\.[tj]sx?$/.test(file)) continue;
      const text = fs.readFileSync(file, "utf8");
      if (!text.includes("use server")) continue;
      for (const name of serverActions(parse(file))) inv.actions.push({ file: rel(root, file), name });
    }
  }
  return inv;
}

/** The matrix's rows, reduced to what the inventory can compare. */
export interface MatrixIndex {
  pages: string[];
  routes: { file: string; method: string }[];
  actions: { file: string; name: string }[];
}

/**
 * Every difference between the app and the matrix, one line each: what the app serves that the
 * matrix does not list, and what the matrix lists that the app no longer serves.
 */
export function compare(inv: Inventory, matrix: MatrixIndex): string[] {
  const out = [...inv.problems];
  const listedPages = new Set(matrix.pages);
  for (const p of inv.pages) if (!listedPages.has(p)) out.push(`page not in the matrix: ${p}`);
  const pages = new Set(inv.pages);
  for (const p of listedPages) if (!pages.has(p)) out.push(`matrix lists a page that does not exist: ${p}`);

  const served = new Set(inv.routes.flatMap((r) => r.methods.map((m) => `${m} ${r.file}`)));
  const listed = new Set(matrix.routes.map((r) => `${r.method} ${r.file}`));
  for (const key of served) if (!listed.has(key)) out.push(`route method not in the matrix: ${key}`);
  for (const key of listed) if (!served.has(key)) out.push(`matrix lists a route method that does not exist: ${key}`);

  const actions = new Set(inv.actions.map((a) => `${a.file}#${a.name}`));
  const listedActions = new Set(matrix.actions.map((a) => `${a.file}#${a.name}`));
  for (const key of actions) if (!listedActions.has(key)) out.push(`server action not in the matrix: ${key}`);
  for (const key of listedActions) if (!actions.has(key)) out.push(`matrix lists a server action that does not exist: ${key}`);
  return out;
}

/** The URL pattern a page file serves: "app/[locale]/(learn)/courses/[course]/page.tsx" -> "/[locale]/courses/[course]". */
export function routePattern(file: string): string {
  const segments = file.split("/").slice(1, -1).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}
