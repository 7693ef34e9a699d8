// One Kysely client for both engines: embedded SQLite (default) or PostgreSQL.
// Imported only by lib/ domain folders; screens never touch it.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from "kysely";
import pg from "pg";
import type { Database } from "./schema";
import { migrationProvider } from "./migrations";
import { processSingleton } from "../process-singleton";

export type DbKind = "sqlite" | "postgres";
export type DbConfig = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string; schema?: string };

export interface Db {
  kind: DbKind;
  db: Kysely<Database>;
  /** PostgreSQL only: the schema the tables live in, when not the default (tests, benchmarks). */
  schema?: string;
  /**
   * The driver under Kysely, for the rate limiter (lib/ratelimit), which speaks to better-sqlite3
   * and pg itself. Nothing else should need it.
   */
  store: { kind: "sqlite"; database: SQLite.Database } | { kind: "postgres"; pool: pg.Pool };
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
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(database) }) });
    return { kind: "sqlite", db, store: { kind: "sqlite", database }, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kind: "postgres", db, schema: config.schema, store: { kind: "postgres", pool }, close: () => db.destroy() };
}

/** Prepared statements kept per connection; more distinct query texts than the app has. */
const STATEMENTS_MAX = 500;

/**
 * The SQLite connection as Kysely sees it, keeping each prepared statement for its SQL text.
 * Kysely prepares every query afresh, and SQLite's prepare (parsing and planning the statement)
 * cost more than running the app's small statements: an answer's session check, savepoint,
 * INSERT ... SELECT and release were prepared on every request. Kysely compiles values to
 * parameters, so texts repeat; the least recently used beyond STATEMENTS_MAX are dropped. A
 * statement still being iterated (a streamed query) is not handed out twice. SQLite re-prepares
 * a kept statement by itself when a migration changes the schema.
 */
function keepingStatements(database: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text) {
      const found = kept.get(text);
      if (found && !found.busy) {
        kept.delete(text); // and set again: the most recently used go last
        kept.set(text, found);
        return found;
      }
      const statement = database.prepare(text);
      if (!found) {
        kept.set(text, statement);
        if (kept.size > STATEMENTS_MAX) kept.delete(kept.keys().next().value!);
      }
      return statement;
    },
  };
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

/** Sort and hash memory for one report query on PostgreSQL (the server default is 4 MB). */
export const REPORT_WORK_MEM = "16MB";

/**
 * Runs a report's read-only queries. On PostgreSQL they run in a read-only transaction with
 * `work_mem` raised to REPORT_WORK_MEM for that transaction only: with the default 4 MB the
 * planner sorted the 500-learner item analysis (83,000 answers) on disk, because it cannot know
 * how few groups the answers fall into; with 16 MB it hashes them in memory (about 3.6 MB),
 * in half the time (bench/README.md). SQLite has no such limit: `fn` runs on the handle.
 */
export async function reportQuery<T>(handle: Db, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (handle.kind !== "postgres") return fn(handle.db);
  return handle.db
    .transaction()
    .setAccessMode("read only")
    .execute(async (trx) => {
      await sql`select set_config('work_mem', ${REPORT_WORK_MEM}, true)`.execute(trx);
      return fn(trx);
    });
}

/**
 * Runs `fn` in a write transaction and resolves only after COMMIT. On SQLite the transaction
 * starts IMMEDIATE, taking the write lock up front so two writers never deadlock on upgrade.
 *
 * SQLite commits in groups: a group starts on the event loop's next turn (setImmediate), so the
 * writes of every request read in the same turn join it, and writes that arrive while a group is
 * running wait (as they always did, for the one connection) and then run together in the next
 * one. Each runs inside its own savepoint, with one COMMIT and so one fsync for all of them.
 * Starting at once made every group a group of one under HTTP load: better-sqlite3's COMMIT blocks
 * the event loop for its fsync, so no other request could reach writeTx meanwhile (bench/README.md).
 *
 * Each `fn` is still atomic (a failing one rolls back to its savepoint and rejects alone), sees
 * the earlier ones' writes as if they had run one after another, and resolves only once the
 * COMMIT holding it has returned; if that COMMIT fails, every `fn` in the group rejects and
 * nothing of it is stored.
 */
export async function writeTx<T>(handle: Db, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (handle.kind === "postgres") return handle.db.transaction().execute(fn);
  return new Promise<T>((resolve, reject) => {
    const waiting = groups.get(handle);
    const item: GroupItem = { fn, resolve: resolve as (v: unknown) => void, reject };
    if (waiting) {
      waiting.push(item);
      return;
    }
    const queue = [item];
    groups.set(handle, queue);
    // Not at once: requests read in this turn of the event loop join the group first.
    setImmediate(() => void commitGroups(handle, queue));
  });
}

interface GroupItem {
  fn: (trx: Kysely<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** SQLite writes waiting for the next group commit, per database handle; one map per process, so
 * every bundled copy of this module queues into the same group (lib/process-singleton.ts). */
const groups = processSingleton("sqlite-write-groups", () => new WeakMap<Db, GroupItem[]>());
/** Enough to share one fsync widely, small enough that one group never holds the lock for long. */
const GROUP_MAX = 64;

async function commitGroups(handle: Db, queue: GroupItem[]): Promise<void> {
  while (queue.length) {
    const group = queue.splice(0, GROUP_MAX);
    try {
      await commitGroup(handle, group);
    } catch (e) {
      for (const item of group) item.reject(e);
    }
  }
  // No await since the loop's last check: nothing can have joined the queue in between.
  groups.delete(handle);
}

async function commitGroup(handle: Db, group: GroupItem[]): Promise<void> {
  await handle.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      for (const item of group) {
        await sql`savepoint cg_write`.execute(conn);
        try {
          const value = await item.fn(conn);
          await sql`release cg_write`.execute(conn);
          outcomes.push({ ok: true, value });
        } catch (error) {
          await sql`rollback to cg_write`.execute(conn);
          await sql`release cg_write`.execute(conn);
          outcomes.push({ ok: false, error });
        }
      }
      await sql`commit`.execute(conn);
    } catch (e) {
      // The transaction itself failed (a failed COMMIT, or SQLite aborted it): none of it is kept.
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw e;
    }
    group.forEach((item, i) => {
      const o = outcomes[i];
      if (o.ok) item.resolve(o.value);
      else item.reject(o.error);
    });
  });
}
