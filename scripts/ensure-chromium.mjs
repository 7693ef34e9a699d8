// Finds a Chromium for Playwright (it cannot download its own here) or installs Debian's
// headless shell. Prints the path it found; exits non-zero with the exact command to run when it
// cannot.
import { execSync } from "node:child_process";
import fs from "node:fs";
import { findChromium, HEADLESS_SHELL } from "./chromium-path.mjs";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = fs.existsSync("/usr/bin/apt-get");

let path = findChromium();
// As root on Debian, the headless shell is installed even beside a full Chromium: it runs the
// suite about a quarter faster (scripts/chromium-path.mjs) and installs in seconds.
if ((!path || (!process.env.CHROMIUM_PATH && path !== HEADLESS_SHELL)) && isRoot && hasApt) {
  console.log("Installing Debian's chromium-headless-shell package for the end-to-end tests...");
  try {
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell", { stdio: "inherit" });
  } catch (e) {
    if (!path) throw e;
    console.log(`Could not install it; using ${path}.`);
  }
  path = findChromium();
}
if (!path) {
  console.error(
    "Chromium is needed for the end-to-end tests and was not found.\n" +
      "Install it with:  sudo apt-get install -y chromium-headless-shell   (or chromium)\n" +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  );
  process.exit(1);
}
console.log(`Chromium: ${path}`);
