// One fresh SQLite database per fuzz suite, used by the route handlers through getDb() (the app
// picks it from DATABASE_URL), with the seeded world loaded into it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { makeWorld, PASSWORD, WorldDb, type Row, type World } from "./world";

const ENV_KEYS = ["DATABASE_URL", "DATA_DIR", "LOG_SILENT"] as const;

export interface FuzzWorld {
  world: World;
  worldDb: WorldDb;
  dir: string;
}

/**
 * Registers beforeAll/afterAll hooks; the returned object is filled in before the tests run.
 * `extraRows` adds rows to the seed (they come back on every reseed).
 */
export function setUpFuzzWorld(extraRows?: (world: World) => Promise<Record<string, Row[]>>): FuzzWorld {
  const ctx = {} as FuzzWorld;
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  beforeAll(async () => {
    // Memory-backed when the machine has /dev/shm: the app commits with synchronous=FULL, and the
    // fuzzer needs the data, not the disk's durability.
    ctx.dir = fs.mkdtempSync(path.join(fs.existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir(), "cg-fuzz-"));
    const file = path.join(ctx.dir, "fuzz.sqlite");
    Object.assign(process.env, { DATABASE_URL: `file:${file}`, DATA_DIR: ctx.dir, LOG_SILENT: "1" });
    resetEnvForTests();
    await getDb(); // migrates the file the route handlers will use
    ctx.world = makeWorld();
    ctx.worldDb = new WorldDb(file, ctx.world, await hashPassword(PASSWORD), await extraRows?.(ctx.world));
  });
  afterAll(async () => {
    ctx.worldDb?.close();
    await (await getDb()).close();
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    resetEnvForTests();
    if (ctx.dir) fs.rmSync(ctx.dir, { recursive: true, force: true });
  });
  return ctx;
}
