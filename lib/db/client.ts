// One Kysely client for both engines: embedded SQLite (default) or PostgreSQL.
// Imported only by lib/ domain folders; screens never touch it.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "./schema";
import { migrationProvider } from "./migrations";

export type DbKind = "sqlite" | "postgres";
export type DbConfig = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string; schema?: string };

export interface Db {
  kind: DbKind;
  db: Kysely<Database>;
  /** PostgreSQL only: the schema the tables live in, when not the default (tests, benchmarks). */
  schema?: string;
  close(): Promise<void>;
}

export function createDb(config: DbConfig): Db {
  if (config.kind === "sqlite") {
    if (config.file !== ":memory:") fs.mkdirSync(path.dirname(config.file), { recursive: true });
    const database = new SQLite(config.file);
    database.pragma("journal_mode = WAL");
    // FULL: an acknowledged answer survives power loss, not only a crash of the process.
    database.pragma("synchronous = FULL");
    database.pragma("foreign_keys = ON");
    database.pragma("busy_timeout = 5000");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    return { kind: "sqlite", db, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kind: "postgres", db, schema: config.schema, close: () => db.destroy() };
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(handle: Db): Promise<string[]> {
  // Name the schema: otherwise Kysely finds its bookkeeping tables in *any* schema of the
  // database and skips creating them in this one.
  const migrator = new Migrator({ db: handle.db, provider: migrationProvider(handle.kind), ...(handle.schema ? { migrationTableSchema: handle.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) throw new Error(`migration ${failed?.migrationName ?? ""} failed: ${(error as Error).message ?? String(error)}`);
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * Runs `fn` in a write transaction and resolves only after COMMIT. On SQLite the transaction
 * starts IMMEDIATE, taking the write lock up front so two writers never deadlock on upgrade.
 */
export async function writeTx<T>(handle: Db, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (handle.kind === "postgres") return handle.db.transaction().execute(fn);
  return handle.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (e) {
      await sql`rollback`.execute(conn);
      throw e;
    }
  });
}
