// Direct, read-only access to the database the server writes, for both engines: which answers
// are stored, duplicate and orphan counts, and the engine's own integrity checks.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";

export interface StoredAnswer {
  id: string;
  user_id: string;
  attempt_id: string;
  question_id: string;
  chosen: string;
}

export interface Snapshot {
  rows: Map<string, StoredAnswer>;
  rowCount: number;
  /** Answer ids stored more than once (the primary key should make this impossible). */
  duplicateIds: number;
  /** (attempt, question) pairs stored more than once. */
  duplicatePairs: number;
  /** Answers without their attempt or user, or filed under an attempt of another user. */
  orphans: number;
  integrity: { ok: boolean; detail: string };
}

/** A live session's stored answer (lib/live/store.ts submitLiveAnswer). */
export interface LiveAnswerRow {
  id: string;
  participant_id: string;
  round: string;
  choice: string;
}

export interface Store {
  engine: "sqlite" | "postgres";
  /** Environment that points the server at this database. */
  serverEnv: Record<string, string>;
  /** Which of these answer ids have a row (used while the server is down after a kill). */
  present(ids: string[]): Promise<Set<string>>;
  snapshot(): Promise<Snapshot>;
  /** Every stored answer of one live session. */
  liveAnswers(sessionId: string): Promise<LiveAnswerRow[]>;
  /** Drops the PostgreSQL database; removes the files unless they are kept to look into a failure. */
  dispose(keepFiles: boolean): Promise<void>;
}

const LIVE_ANSWERS = "select id, participant_id, round, choice from live_answers where session_id = ";
const ANSWERS = "select id, user_id, attempt_id, question_id, chosen from quiz_responses";
const COUNTS = `select
  (select count(*) from quiz_responses) as row_count,
  (select count(*) from (select id from quiz_responses group by id having count(*) > 1) d) as duplicate_ids,
  (select count(*) from (select attempt_id, question_id from quiz_responses group by attempt_id, question_id having count(*) > 1) d) as duplicate_pairs,
  (select count(*) from quiz_responses r
     left join quiz_attempts a on a.id = r.attempt_id
     left join users u on u.id = r.user_id
   where a.id is null or u.id is null or a.user_id <> r.user_id) as orphans`;

interface Counts {
  row_count: number | string;
  duplicate_ids: number | string;
  duplicate_pairs: number | string;
  orphans: number | string;
}

function toSnapshot(rows: StoredAnswer[], counts: Counts, integrity: Snapshot["integrity"]): Snapshot {
  return {
    rows: new Map(rows.map((r) => [r.id, r])),
    rowCount: Number(counts.row_count),
    duplicateIds: Number(counts.duplicate_ids),
    duplicatePairs: Number(counts.duplicate_pairs),
    orphans: Number(counts.orphans),
    integrity,
  };
}

/** SQLite in a fresh DATA_DIR. Opened read-only, so the server's own crash recovery stays under test. */
export function sqliteStore(dataDir: string): Store {
  const file = path.join(dataDir, "common-ground.sqlite");
  const open = () => {
    if (!fs.existsSync(file)) throw new Error(`no database at ${file}: the server never created it`);
    const db = new SQLite(file, { readonly: true, fileMustExist: true });
    db.pragma("busy_timeout = 10000");
    return db;
  };
  const withDb = <T>(fn: (db: SQLite.Database) => T): T => {
    const db = open();
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  return {
    engine: "sqlite",
    serverEnv: { DATA_DIR: dataDir },
    async present(ids) {
      const stored = withDb((db) => db.prepare(ANSWERS).all() as StoredAnswer[]);
      const wanted = new Set(ids);
      return new Set(stored.map((r) => r.id).filter((id) => wanted.has(id)));
    },
    async snapshot() {
      return withDb((db) => {
        // One read transaction, so the rows and the counts describe the same moment.
        return db.transaction(() => {
          const rows = db.prepare(ANSWERS).all() as StoredAnswer[];
          const counts = db.prepare(COUNTS).get() as Counts;
          const check = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
          const fk = db.pragma("foreign_key_check") as unknown[];
          const ok = check.length === 1 && check[0] === "ok" && fk.length === 0;
          const detail = `integrity_check=${check.slice(0, 5).join("; ")}, foreign_key_check=${fk.length === 0 ? "empty" : JSON.stringify(fk.slice(0, 5))}`;
          return toSnapshot(rows, counts, { ok, detail });
        })();
      });
    },
    async liveAnswers(sessionId) {
      return withDb((db) => db.prepare(`${LIVE_ANSWERS}?`).all(sessionId) as LiveAnswerRow[]);
    },
    async dispose(keepFiles) {
      if (!keepFiles) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A database of its own on the server of TEST_DATABASE_URL (never that database's tables),
 * created here and dropped by dispose().
 */
export async function postgresStore(adminUrl: string, dataDir: string): Promise<Store> {
  const name = `cg_durability_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  const url = new URL(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });

  async function integrity(): Promise<Snapshot["integrity"]> {
    const notes: string[] = [];
    let ok = true;
    let amcheck = true;
    try {
      await pool.query("create extension if not exists amcheck");
    } catch (e) {
      amcheck = false;
      notes.push(`amcheck unavailable (${(e as Error).message})`);
    }
    if (amcheck) {
      const { rows: indexes } = await pool.query<{ name: string }>(
        `select c.relname as name from pg_index i
           join pg_class c on c.oid = i.indexrelid
           join pg_am am on am.oid = c.relam
           join pg_namespace n on n.oid = c.relnamespace
         where am.amname = 'btree' and n.nspname = 'public' order by 1`,
      );
      const bad: string[] = [];
      for (const { name: index } of indexes) {
        try {
          // heapallindexed: every heap tuple must also be found in the index.
          await pool.query("select bt_index_check($1::regclass, true)", [`public.${index}`]);
        } catch (e) {
          bad.push(`${index}: ${(e as Error).message}`);
        }
      }
      if (bad.length) ok = false;
      notes.push(`bt_index_check over ${indexes.length} indexes: ${bad.length ? bad.join("; ") : "ok"}`);
      if (indexes.length === 0) {
        ok = false;
        notes.push("no btree index found in schema public");
      }
    }
    const { rows: unvalidated } = await pool.query<{ conname: string }>("select conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public' and not convalidated");
    if (unvalidated.length) ok = false;
    notes.push(`constraints not validated: ${unvalidated.length ? unvalidated.map((r) => r.conname).join(", ") : "none"}`);
    const { rows: attempts } = await pool.query<{ n: string }>("select count(*) as n from quiz_attempts a left join users u on u.id = a.user_id where u.id is null");
    if (Number(attempts[0].n) > 0) ok = false;
    notes.push(`attempts without user: ${attempts[0].n}`);
    return { ok, detail: notes.join(", ") };
  }

  return {
    engine: "postgres",
    serverEnv: {
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    },
    async present(ids) {
      const { rows } = await pool.query<{ id: string }>("select id from quiz_responses where id = any($1::text[])", [ids]);
      return new Set(rows.map((r) => r.id));
    },
    async snapshot() {
      const client = await pool.connect();
      try {
        // One snapshot for the rows and the counts.
        await client.query("begin isolation level repeatable read read only");
        const { rows } = await client.query<StoredAnswer>(ANSWERS);
        const { rows: counts } = await client.query<Counts>(COUNTS);
        await client.query("commit");
        return toSnapshot(rows, counts[0], await integrity());
      } finally {
        client.release();
      }
    },
    async liveAnswers(sessionId) {
      return (await pool.query<LiveAnswerRow>(`${LIVE_ANSWERS}$1`, [sessionId])).rows;
    },
    async dispose(keepFiles) {
      await pool.end();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      try {
        await again.query(`drop database if exists ${name} with (force)`);
      } finally {
        await again.end();
      }
      if (!keepFiles) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
