// node scripts/build-sw.mjs (run by `npm run build` after `next build`): builds the service worker,
// public/sw.js, from app/sw.ts and the options in serwist.config.mjs. The same steps as
// `serwist build` of @serwist/cli: bundle with esbuild, then write the precache manifest into it
// (@serwist/build's injectManifest). It also tells the worker its build id, the locales and the
// size of each prerendered course and help page (for "about N MB" before saving a course).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { injectManifest } from "@serwist/build";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const { default: options } = await import("../serwist.config.mjs");

const buildId = fs.readFileSync(".next/BUILD_ID", "utf8").trim();
const locales = JSON.parse(fs.readFileSync("content/locales.json", "utf8")).locales.map((l) => l.code);

/** Bytes of every prerendered page under /<locale>/courses/ and /<locale>/help/, by path. */
function pageBytes() {
  const dir = path.join(".next", "server", "app");
  const out = {};
  for (const file of fs.readdirSync(dir, { recursive: true })) {
    const rel = String(file).split(path.sep).join("/");
    if (!rel.endsWith(".html") || !/^[a-z]{2}(?:-[A-Z]{2})?\/(courses|help)\//.test(rel)) continue;
    out[`/${rel.slice(0, -".html".length)}`] = fs.statSync(path.join(dir, file)).size;
  }
  return out;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cg-sw-"));
const bundled = path.join(tmp, "sw.js");
try {
  await build({
    ...options.esbuildOptions,
    entryPoints: [options.swSrc],
    outfile: bundled,
    bundle: true,
    format: "iife",
    platform: "browser",
    minify: true,
    legalComments: "none",
    tsconfig: "tsconfig.json",
    define: {
      __BUILD_ID__: JSON.stringify(buildId),
      __LOCALES__: JSON.stringify(locales),
      __PAGE_BYTES__: JSON.stringify(pageBytes()),
      "process.env.NODE_ENV": JSON.stringify("production"),
    },
    logLevel: "warning",
  });
  const { esbuildOptions: _e, swSrc: _s, ...inject } = options;
  const { count, size, warnings } = await injectManifest({ ...inject, swSrc: bundled });
  for (const w of warnings) console.warn(`build-sw: ${w}`);
  console.log(`build-sw: ${options.swDest} for build ${buildId}, precaching ${count} files (${(size / 1024 / 1024).toFixed(2)} MB)`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
