// Test databases for the data-layer suites: SQLite always, PostgreSQL when TEST_DATABASE_URL is
// set. Each suite gets its own SQLite file or its own PostgreSQL schema, so files run in parallel.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, migrateToLatest, type Db } from "@/lib/db/client";

export interface TestEngine {
  name: "sqlite" | "postgres";
  open(): Promise<{ handle: Db; cleanup(): Promise<void> }>;
}

/** An empty SQLite database (no migrations) in its own temporary directory, and its removal. */
export function openTempSqlite(): { handle: Db; cleanup(): Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-db-"));
  const handle = createDb({ kind: "sqlite", file: path.join(dir, "test.sqlite") });
  return {
    handle,
    async cleanup() {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [
    {
      name: "sqlite",
      async open() {
        const opened = openTempSqlite();
        await migrateToLatest(opened.handle);
        return opened;
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    engines.push({
      name: "postgres",
      async open() {
        const schema = `t_${crypto.randomBytes(6).toString("hex")}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`create schema ${schema}`);
        await admin.end();
        const handle = createDb({ kind: "postgres", url, schema });
        await migrateToLatest(handle);
        return {
          handle,
          async cleanup() {
            await handle.close();
            const c = new pg.Client({ connectionString: url });
            await c.connect();
            await c.query(`drop schema ${schema} cascade`);
            await c.end();
          },
        };
      },
    });
  }
  return engines;
}
