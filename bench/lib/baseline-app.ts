// Builds bench/baseline-app (the bare Next.js floor) into a temporary directory with the root
// node_modules' next. The build is kept in os.tmpdir() under a name made of a hash of the app's
// files and the next version, so later runs reuse it until either changes.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NEXT_BIN, ROOT, runPinned } from "./proc";

const SOURCE = path.join(ROOT, "bench", "baseline-app");

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

/** The deepest directory holding both paths (Turbopack compiles only files under its root). */
function commonAncestor(a: string, b: string): string {
  const pa = a.split(path.sep);
  const pb = b.split(path.sep);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(path.sep) || path.sep;
}

/**
 * How many of the same-shape page's paragraphs make it weigh `bytes` of HTML: measured on this
 * page (Next 16.4.6), each paragraph adds about 1,065 bytes (its text in the HTML and again in the
 * inline React payload) to about 7,700 of page. The pages suite prints both pages' sizes.
 */
export function shapeParagraphsFor(bytes: number): number {
  return Math.max(1, Math.round((bytes - SHAPE_PAGE_BYTES) / SHAPE_PARAGRAPH_BYTES));
}
const SHAPE_PAGE_BYTES = 7_700;
const SHAPE_PARAGRAPH_BYTES = 1_065;

/**
 * The stylesheet a page of the app's build links (the first), without its font faces: the styled
 * bare page loads it (bench/baseline-app/app/styled). Its fonts are left out because their files
 * are the app's, and an English page downloads none of them (components/ui/language.css). Empty
 * when the page links none or the build is missing.
 */
export function appStylesheet(htmlFile: string): string {
  if (!fs.existsSync(htmlFile)) return "";
  const href = /<link rel="stylesheet" href="\/_next\/(static\/[^"]+\.css)"/.exec(fs.readFileSync(htmlFile, "utf8"))?.[1];
  const file = href && path.join(ROOT, ".next", href);
  if (!file || !fs.existsSync(file)) return "";
  return fs.readFileSync(file, "utf8").replace(/@font-face\s*\{[^}]*\}/g, "");
}

/**
 * Builds the bare app; `shapeParagraphs` sizes its same-shape page (above), so that page keeps the
 * weight of the app's lesson as the course's text changes (it was 46 KB against the lesson's 50 KB
 * on 7 December, with a fixed 36); `stylesheet` is the styled page's (appStylesheet).
 */
export async function buildBaselineApp({ shapeParagraphs = 36, stylesheet = "" }: { shapeParagraphs?: number; stylesheet?: string } = {}): Promise<string> {
  const hash = crypto.createHash("sha256");
  hash.update(`paragraphs:${shapeParagraphs}`).update(`stylesheet:${stylesheet}`);
  const nextVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "next", "package.json"), "utf8")) as { version: string }).version;
  hash.update(nextVersion);
  const files = filesUnder(SOURCE).sort();
  for (const f of files) hash.update(path.relative(SOURCE, f)).update(fs.readFileSync(f));
  const nodeModules = fs.realpathSync(path.join(ROOT, "node_modules"));
  hash.update(nodeModules);
  const dir = path.join(os.tmpdir(), `cg-baseline-app-${hash.digest("hex").slice(0, 12)}`);
  if (fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    console.log(`baseline app: reusing the build in ${dir}`);
    return dir;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of files) {
    const to = path.join(dir, path.relative(SOURCE, f));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(f, to);
  }
  // The styled page's stylesheet: the app's, or the placeholder comment when there is none.
  if (stylesheet) fs.writeFileSync(path.join(dir, "app", "styled", "app.css"), stylesheet);
  fs.symlinkSync(nodeModules, path.join(dir, "node_modules"));
  console.log(`baseline app: building ${dir} (next ${nextVersion}; ${shapeParagraphs} paragraphs on the same-shape page)…`);
  const t0 = Date.now();
  try {
    await runPinned([], process.execPath, [NEXT_BIN, "build"], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", BENCH_SHAPE_PARAGRAPHS: String(shapeParagraphs), BENCH_BUILD_ROOT: commonAncestor(fs.realpathSync(dir), nodeModules) },
      timeoutMs: 600_000,
    });
  } catch (e) {
    fs.rmSync(path.join(dir, ".next", "BUILD_ID"), { force: true });
    throw e;
  }
  console.log(`baseline app: built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return dir;
}
