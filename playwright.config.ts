import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/chromium-path.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A second server configured as a production deployment behind https (see e2e/headers.spec.ts). */
export const SECURE_PORT = PORT + 1;
const executablePath = findChromium();

/** Flags this machine's closed network needs (see the README). */
export const chromiumArgs = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const launchOptions = { executablePath, args: chromiumArgs, chromiumSandbox: false };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: true,
  // Whole journeys (sign up, learn, quiz, dashboard, a second browser) run 20 to 30 s when the
  // two-core CI machine is loaded by two browsers and two servers; Playwright's 30 s default made
  // them fail on speed, which tests do not judge (bench/ does). Each step keeps its own wait.
  timeout: 60_000,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A trace (DOM snapshots and screencast of every step) is recorded for every test so that a
    // failure can be replayed, and that recording cost about 30 % of the suite's time (84 s
    // against 60 s for the same 27 tests). CI keeps only the log, never test-results/, so it
    // records none; locally a failure keeps its trace.
    trace: process.env.CI ? "off" : "retain-on-failure",
    // The app registers a service worker in secure contexts (127.0.0.1 is one), which precaches the
    // app shell in every new browser context: about 80 files per test. Only e2e/offline.spec.ts,
    // which tests it, lets it run.
    serviceWorkers: "block",
    launchOptions,
  },
  projects: [
    {
      name: "phone",
      // The authorisation matrix sends no browser traffic, and the live workshop makes its own
      // phone and laptop contexts: one project runs each. The SCORM package runs in a stand-in
      // LMS on a laptop's screen (its own layout is checked at phone width in its spec).
      testIgnore: [/matrix\//, /live-workshop\.spec/, /scorm\.spec/],
      use: { ...devices["Pixel 7"], defaultBrowserType: "chromium", launchOptions },
    },
    {
      name: "projector",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1920, height: 1080 }, launchOptions },
    },
  ],
  // --keepAliveTimeout: Node closes an idle keep-alive connection after 5 s, and a request sent on it
  // at that instant fails with ECONNRESET (seen once in CI, in Playwright's request context after a
  // slow step). The servers keep idle connections for 70 s, longer than any step waits.
  webServer: [
    {
      // A fresh database for every run, so specs never see each other's leftovers from earlier runs.
      command: `rm -rf .e2e-data && npx next start -p ${PORT} -H 127.0.0.1 --keepAliveTimeout 70000`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: ".e2e-data", ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL, NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e" } : {}) },
    },
    {
      // The same build told it is served at an https address, as in production: its cookies must
      // be Secure and prefixed. Tests read its headers directly, over plain http on loopback.
      command: `rm -rf .e2e-data-secure && npx next start -p ${SECURE_PORT} -H 127.0.0.1 --keepAliveTimeout 70000`,
      url: `http://127.0.0.1:${SECURE_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: ".e2e-data-secure", NEXTAUTH_URL: `https://127.0.0.1:${SECURE_PORT}` },
    },
  ],
});
