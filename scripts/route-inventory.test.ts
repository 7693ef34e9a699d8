// Every page, route handler method and server action of app/ has its row in the authorisation
// matrix (e2e/matrix/matrix.ts), and every row still names something the app serves. Fast: reads
// the source, no server. The scanner itself is tested on small made-up apps.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { compare, routePattern, scanApp, type MatrixIndex } from "../e2e/matrix/inventory";
import { ACTIONS, CALLERS, PAGES, ROUTES } from "../e2e/matrix/matrix";

const root = path.join(__dirname, "..");

const matrixIndex: MatrixIndex = {
  pages: PAGES.map((p) => p.file),
  routes: ROUTES.map((r) => ({ file: r.file, method: r.method })),
  actions: ACTIONS.map((a) => ({ file: a.file, name: a.name })),
};

describe("the authorisation matrix covers the app", () => {
  test("every page, route method and server action is listed, and nothing listed is gone", () => {
    expect(compare(scanApp(root), matrixIndex)).toEqual([]);
  });

  test("every entry has a cell for each of the six callers", () => {
    const missing = [...ROUTES, ...PAGES, ...ACTIONS].flatMap((e) =>
      CALLERS.filter((c) => !e.cells[c]).map((c) => `${"method" in e ? `${e.method} ` : ""}${e.file}: no cell for ${c}`),
    );
    expect(missing).toEqual([]);
  });

  test("every row tries a URL that its file serves", () => {
    // "/api/cohorts/[cohort]/roster" -> ^/api/cohorts/[^/]+/roster$; a catch-all takes the rest.
    const serves = (file: string, url: string) => {
      const pattern = routePattern(file).replace(/\[\.\.\.\w+\]/g, ".+").replace(/\[\w+\]/g, "[^/]+");
      return new RegExp(`^${pattern}$`).test(url.split("?")[0].replace(/\{\w+\}/g, "x"));
    };
    const wrong = [
      ...ROUTES.filter((r) => !serves(r.file, r.path)).map((r) => `${r.method} ${r.path} is not served by ${r.file}`),
      ...PAGES.filter((p) => (p.params === "static" ? p.path !== undefined : !p.path || !serves(p.file, p.path))).map((p) => `${p.file}: path ${p.path ?? "(none)"}`),
    ];
    expect(wrong).toEqual([]);
  });

  test("anonymous callers never reach signed-in data: no anonymous cell shows anyone's data", () => {
    const leaks = [...ROUTES, ...PAGES].filter((e) => (e.cells.anonymous.shows ?? []).some((s) => s !== "cohort"));
    expect(leaks.map((e) => e.file)).toEqual([]);
  });
});

describe("the scanner", () => {
  let dir: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("finds pages and every way a route file exports a method", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "inventory-"));
    write("app/[locale]/(learn)/page.tsx", "export default function P() { return null; }");
    write("app/[locale]/layout.tsx", "export default function L() { return null; }");
    write("app/api/a/route.ts", "export const GET = () => new Response();\nexport async function POST() { return new Response(); }\nconst helper = 1;\nexport { helper };");
    write("app/api/b/route.ts", 'import { h } from "x";\nexport { h as PUT, h as DELETE };\nexport { PATCH } from "./y";');
    write("app/api/c/route.ts", 'export * from "./elsewhere";');
    const inv = scanApp(dir);
    expect(inv.pages).toEqual(["app/[locale]/(learn)/page.tsx"]);
    expect(inv.routes).toEqual([
      { file: "app/api/a/route.ts", methods: ["GET", "POST"] },
      { file: "app/api/b/route.ts", methods: ["PUT", "PATCH", "DELETE"] },
      { file: "app/api/c/route.ts", methods: [] },
    ]);
    expect(inv.problems).toEqual(['app/api/c/route.ts: "export *" hides which HTTP methods it serves; export them by name']);
  });

  test('finds server actions: "use server" modules and inline "use server" functions, in app, components and lib', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "inventory-"));
    write("lib/x/actions.ts", '"use server";\nexport async function rename() {}\nexport const remove = async () => {};');
    write("app/[locale]/page.tsx", 'export default function P() {\n  async function save() {\n    "use server";\n  }\n  return save;\n}');
    write("components/y.tsx", 'const go = async () => {\n  "use server";\n};\nexport default go;');
    write("lib/z.ts", '// mentions "use server" in a comment only\nexport const a = 1;');
    expect(scanApp(dir).actions).toEqual([
      { file: "app/[locale]/page.tsx", name: "save" },
      { file: "components/y.tsx", name: "go" },
      { file: "lib/x/actions.ts", name: "rename" },
      { file: "lib/x/actions.ts", name: "remove" },
    ]);
  });

  test("names each difference, both ways", () => {
    const inv = { pages: ["app/p/page.tsx"], routes: [{ file: "app/api/r/route.ts", methods: ["GET" as const, "POST" as const] }], actions: [{ file: "lib/a.ts", name: "act" }], problems: [] };
    const matrix: MatrixIndex = { pages: ["app/gone/page.tsx"], routes: [{ file: "app/api/r/route.ts", method: "GET" }, { file: "app/api/r/route.ts", method: "DELETE" }], actions: [] };
    expect(compare(inv, matrix)).toEqual([
      "page not in the matrix: app/p/page.tsx",
      "matrix lists a page that does not exist: app/gone/page.tsx",
      "route method not in the matrix: POST app/api/r/route.ts",
      "matrix lists a route method that does not exist: DELETE app/api/r/route.ts",
      "server action not in the matrix: lib/a.ts#act",
    ]);
  });
});
