// npm run hall — serve a room from one laptop without internet: builds when the build is missing
// or older than the sources, migrates the SQLite database in data/, listens on every interface,
// and prints the address phones type, its QR code and the access-point advice (lib/hall/advice.ts).
// HALL_PORT (or PORT) picks the port, 3000 by default. `-- --dry-run` prints the banner and exits.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import QRCode from "qrcode";
import { env } from "../lib/env";
import { createDb, migrateToLatest } from "../lib/db/client";
import { hallBanner } from "../lib/hall/advice";
import { hallUrl, lanAddresses } from "../lib/hall/lan";

const ROOT = path.resolve(__dirname, "..");
/** What a build is made from: when any of it is newer than the build, the build is stale. */
const SOURCES = ["app", "components", "lib", "content", "i18n", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json", "package-lock.json", "tsconfig.json"];

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Why a build is needed, or null when .next holds a build newer than every source. */
function buildNeeded(): string | null {
  let built: number;
  try {
    built = fs.statSync(path.join(ROOT, ".next", "BUILD_ID")).mtimeMs;
  } catch {
    return "no build yet";
  }
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  return newest > built ? "the sources changed since the last build" : null;
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: process.env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function waitForHealth(port: number, child: { exitCode: number | null }): Promise<boolean> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function banner(port: number): Promise<string> {
  const addresses = lanAddresses(os.networkInterfaces());
  const qr = addresses.length ? await QRCode.toString(hallUrl(addresses[0].address, port), { type: "terminal", small: true, errorCorrectionLevel: "M" }) : undefined;
  return hallBanner({ addresses, port, qr });
}

async function main() {
  const config = env();
  const port = config.hallPort;
  if (config.database.kind !== "sqlite") {
    console.error("npm run hall serves from the laptop's own SQLite database: unset DATABASE_URL (or point it at a file: URL).");
    process.exit(1);
  }
  if (config.authUrl) {
    // Phones reach the hall at http://<LAN address>: a configured public URL would refuse their
    // requests as cross-site and, when https, mark cookies Secure (dropped on plain http).
    console.warn(`NEXTAUTH_URL (${config.authUrl}) is ignored by the hall: the app answers at whatever address phones use.`);
  }
  if (process.argv.includes("--dry-run")) {
    console.log(await banner(port));
    return;
  }

  const why = buildNeeded();
  if (why) {
    console.log(`Building the app first (${why}); this takes a few minutes, once.`);
    if ((await run("npm", ["run", "build"])) !== 0) {
      console.error("The build failed (see above); the hall did not start.");
      process.exit(1);
    }
  }

  const db = createDb(config.database);
  try {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Database ${config.database.file}: applied ${applied.join(", ")}.` : `Database ${config.database.file} is up to date.`);
  } finally {
    await db.close();
  }

  const childEnv: NodeJS.ProcessEnv = { ...process.env, HALL: "1", HALL_PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  delete childEnv.NEXTAUTH_URL;
  const next = path.join(ROOT, "node_modules", ".bin", "next");
  const server = spawn(next, ["start", "-H", "0.0.0.0", "-p", String(port)], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env: childEnv });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1)));

  if (await waitForHealth(port, server)) console.log(await banner(port));
  else if (server.exitCode === null) console.error(`The server did not answer on port ${port}; see its messages above.`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
