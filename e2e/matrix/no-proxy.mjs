// npm run test:matrix-no-proxy
// The house rule "proxy.ts only redirects; deleting it must not open anything", tested: copies the
// repository to a temporary folder without proxy.ts, builds it there and runs the authorisation
// matrix (e2e/matrix) against that build. Port: E2E_PORT (default 3101, beside the e2e default).
// Set KEEP_NO_PROXY_COPY=1 to keep the folder for a look afterwards.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const port = process.env.E2E_PORT ?? "3101";
const skip = new Set(["node_modules", ".next", ".git", ".e2e-data", "data", "test-results", "playwright-report", "proxy.ts", "middleware.ts"]);
const started = Date.now();
const step = (what) => console.log(`[no-proxy ${((Date.now() - started) / 1000).toFixed(0)}s] ${what}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "common-ground-no-proxy-"));
let status = 1;
try {
  step(`copying ${root} to ${dir} without proxy.ts`);
  for (const entry of fs.readdirSync(root)) {
    if (skip.has(entry)) continue;
    fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true, verbatimSymlinks: true });
  }
  // node_modules: hard links where the file system allows (fast, no extra space), else a copy.
  // Not a symlink: Turbopack refuses a node_modules that points outside the project.
  try {
    execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")], { stdio: "pipe" });
  } catch {
    fs.rmSync(path.join(dir, "node_modules"), { recursive: true, force: true });
    execFileSync("cp", ["-a", path.join(root, "node_modules"), path.join(dir, "node_modules")], { stdio: "inherit" });
  }
  if (fs.existsSync(path.join(dir, "proxy.ts")) || fs.existsSync(path.join(dir, "middleware.ts"))) throw new Error("the copy still has a proxy");

  step("building (npm run build)");
  const build = spawnSync("npm", ["run", "build"], { cwd: dir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`the build failed (exit ${build.status})`);
  // Proof the build has no proxy: Next records a Node proxy as "/_middleware" in the functions
  // manifest (an edge one in the middleware manifest).
  const read = (file) => JSON.parse(fs.readFileSync(path.join(dir, ".next", "server", file), "utf8"));
  const proxies = [...Object.keys(read("functions-config-manifest.json").functions ?? {}).filter((k) => k === "/_middleware"), ...Object.keys(read("middleware-manifest.json").middleware ?? {})];
  if (proxies.length > 0) throw new Error(`the build still has a proxy: ${proxies.join(", ")}`);

  step(`running the matrix on port ${port}`);
  const run = spawnSync("npx", ["playwright", "test", "e2e/matrix", "--project=projector"], { cwd: dir, stdio: "inherit", env: { ...process.env, E2E_PORT: port } });
  status = run.status ?? 1;
  step(status === 0 ? "the matrix passes without proxy.ts" : `the matrix FAILED without proxy.ts (exit ${status})`);
} catch (e) {
  console.error(`[no-proxy] ${e instanceof Error ? e.message : e}`);
  status = 1;
} finally {
  if (process.env.KEEP_NO_PROXY_COPY === "1") step(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
