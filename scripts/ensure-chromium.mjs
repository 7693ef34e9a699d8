// Finds a Chromium for Playwright (it cannot download its own here) or installs Debian's.
// Prints the path it found; exits non-zero with the exact command to run when it cannot.
import { execSync } from "node:child_process";
import fs from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"].filter(Boolean);
const found = () => candidates.find((p) => fs.existsSync(p));

let path = found();
if (!path) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("Chromium not found: installing Debian's chromium package (apt-get install -y chromium)...");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
    path = found();
  }
}
if (!path) {
  console.error(
    "Chromium is needed for the end-to-end tests and was not found.\n" +
      "Install it with:  sudo apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  );
  process.exit(1);
}
console.log(`Chromium: ${path}`);
