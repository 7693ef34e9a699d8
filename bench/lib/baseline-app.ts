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

export async function buildBaselineApp(): Promise<string> {
  const hash = crypto.createHash("sha256");
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
  fs.symlinkSync(nodeModules, path.join(dir, "node_modules"));
  console.log(`baseline app: building ${dir} (next ${nextVersion})…`);
  const t0 = Date.now();
  try {
    await runPinned([], process.execPath, [NEXT_BIN, "build"], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", BENCH_BUILD_ROOT: commonAncestor(fs.realpathSync(dir), nodeModules) },
      timeoutMs: 600_000,
    });
  } catch (e) {
    fs.rmSync(path.join(dir, ".next", "BUILD_ID"), { force: true });
    throw e;
  }
  console.log(`baseline app: built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return dir;
}
