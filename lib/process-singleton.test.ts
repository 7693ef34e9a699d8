// Next bundles a module into each server layer that uses it; each copy has its own module scope.
// These tests load two copies of a module (vi.resetModules between imports, as two layers would)
// and check that what must exist once per process does.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { processSingleton } from "./process-singleton";

async function twoCopies<M>(load: () => Promise<M>): Promise<[M, M]> {
  vi.resetModules();
  const first = await load();
  vi.resetModules();
  const second = await load();
  expect(second, "the two imports are separate module copies").not.toBe(first);
  return [first, second];
}

describe("processSingleton", () => {
  it("makes the value once and returns the same one for the same key, a new one for another key", () => {
    const make = vi.fn(() => ({ n: 1 }));
    const a = processSingleton("test.same-key", make);
    const b = processSingleton("test.same-key", make);
    expect(b).toBe(a);
    expect(make).toHaveBeenCalledTimes(1);
    expect(processSingleton("test.other-key", () => ({ n: 2 }))).toEqual({ n: 2 });
  });
});

describe("state that exists once per process, across module copies", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-singleton-"));
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  afterAll(async () => {
    const { getDb } = await import("./db");
    await (await getDb()).db.destroy();
    // Forget the closed handle, so nothing later in this process is given it.
    delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("common-ground.db")];
    Object.assign(process.env, saved);
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("the content is loaded once: two copies of lib/content return the same objects", async () => {
    const [a, b] = await twoCopies(() => import("./content"));
    expect(a.getCourses("en").length).toBeGreaterThan(0);
    expect(b.getCourses("en")).toBe(a.getCourses("en"));
    // Loading four languages' content takes a few seconds on a loaded 2-core machine.
  }, 30_000);

  it("the database is opened once: two copies of lib/db return the same handle", async () => {
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    const [a, b] = await twoCopies(() => import("./db"));
    const handle = await a.getDb();
    expect(await b.getDb()).toBe(handle);
    expect(fs.readdirSync(dataDir)).toContain("common-ground.sqlite");
  });
});
