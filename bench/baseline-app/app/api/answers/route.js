// The floor for POST /api/progress/answers: a bare route handler doing the same single INSERT into
// quiz_responses on the same database, with the same pragmas as lib/db/client.ts, and nothing else
// (no session, no validation, no grading, no transaction of several statements).
// BENCH_DB_FILE (SQLite) or BENCH_DB_URL (PostgreSQL) names the database; bench/run.ts sets it.
import SQLite from "better-sqlite3";
import pg from "pg";

let insert;

function sqliteInsert(file) {
  const database = new SQLite(file);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  const stmt = database.prepare(
    "insert into quiz_responses (id, attempt_id, user_id, question_id, skill, chosen, points, correct, answered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
  );
  return async (row) => {
    stmt.run(row);
  };
}

function pgInsert(url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return async (row) => {
    await pool.query(
      "insert into quiz_responses (id, attempt_id, user_id, question_id, skill, chosen, points, correct, answered_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing",
      row,
    );
  };
}

export async function POST(request) {
  insert ??= process.env.BENCH_DB_URL ? pgInsert(process.env.BENCH_DB_URL) : sqliteInsert(process.env.BENCH_DB_FILE);
  const body = await request.json();
  await insert([body.id, body.attemptId, body.userId, body.questionId, "bench", JSON.stringify(body.chosen), 1, 1, new Date().toISOString()]);
  return Response.json({ verdict: "correct", points: 1 }, { headers: { "Cache-Control": "no-store" } });
}
