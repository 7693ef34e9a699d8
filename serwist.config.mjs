// @ts-check
// Serwist in configurator mode (https://serwist.pages.dev/docs/next/config): @serwist/next only
// writes the build options; the worker is built after `next build` has prerendered everything, by
// scripts/build-sw.mjs (the same two steps as `serwist build` of @serwist/cli: bundle app/sw.ts
// with esbuild, then inject the precache manifest). Turbopack builds are unaffected.
import fs from "node:fs";
import { serwist } from "@serwist/next/config";

const locales = JSON.parse(fs.readFileSync("content/locales.json", "utf8")).locales.map((/** @type {{ code: string }} */ l) => l.code);
const buildId = fs.readFileSync(".next/BUILD_ID", "utf8").trim();

/**
 * The icons every page links (Next names them with a hash of their content, e.g.
 * /icon.svg?icon.1rdpphpq.svg), read from a prerendered page: precached, so that even a saved
 * page's icon needs no request.
 */
function linkedIcons() {
  const html = fs.readFileSync(`.next/server/app/${locales[0]}.html`, "utf8");
  const hrefs = [...html.matchAll(/<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set(hrefs)].map((url) => ({ url, revision: null }));
}

export default await serwist({
  swSrc: "app/sw.ts",
  swDest: "public/sw.js",
  // The app shell only: Next's static files and the icons. Pages are not precached (personal ones
  // never; public ones when a course is saved, or as visited).
  precachePrerendered: false,
  globPatterns: [".next/static/**/*.{js,css,woff2,png,svg,ico}", "public/icons/*.png"],
  // The page shown for a page that is neither saved nor reachable, one per language (app/[locale]/offline).
  additionalPrecacheEntries: [
    ...locales.map((/** @type {string} */ code) => ({ url: `/${code}/offline`, revision: buildId })),
    { url: "/manifest.webmanifest", revision: buildId },
    ...linkedIcons(),
  ],
  // Next's largest chunks stay well under this; a bigger file is left to the network, not precached.
  maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
});
