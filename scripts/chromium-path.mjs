// Where the tests find a Chromium (Playwright cannot download its own here). One list, read by
// scripts/ensure-chromium.mjs (which installs one when none is found) and playwright.config.ts.
//
// Debian's chromium-headless-shell comes first: it is the same engine without the desktop
// browser's UI layers, the build Playwright itself uses for headless runs. On this two-core
// machine it ran the same 64 e2e tests in 378 s of wall time against 513 s for the full browser,
// which spent 596 s of CPU against 377 (see the closing note of issue #6). The full browser is
// still used where it is the only one installed.
import fs from "node:fs";

export const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";

const chromiumCandidates = () =>
  [process.env.CHROMIUM_PATH, HEADLESS_SHELL, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"].filter(Boolean);

/** The first Chromium found, or undefined. */
export const findChromium = () => chromiumCandidates().find((p) => fs.existsSync(p));
