// Reproduction, through the real server, of a race the durability work found (fixed in
// lib/progress/answers.ts recordAnswer; the data-layer test "never acknowledges a rival answer"
// in lib/progress/answers.db.test.ts guards it on both engines):
// several *different* answers (own client ids) to the same question of an attempt that already
// exists, sent at once. At most one may be stored; every other one must be refused (409), never
// acknowledged. On PostgreSQL (READ COMMITTED) the losers used to get a 200 with their own grade
// while `INSERT ... ON CONFLICT DO NOTHING` silently dropped them: acknowledged, never stored.
//
//   npx tsx tests/durability/answer-race.ts            SQLite
//   TEST_DATABASE_URL=postgres://... npx tsx tests/durability/answer-race.ts   also PostgreSQL
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Learner, type AnswerBody } from "./client";
import { assertBuilt, freePort, Server } from "./server";
import { postgresStore, sqliteStore, type Store } from "./stores";
import { loadActivities } from "./workload";

const ATTEMPTS = 100;
const RIVALS = 6;

async function race(store: Store, work: string): Promise<string[]> {
  const server = new Server({ port: await freePort(), env: store.serverEnv, logFile: path.join(work, `${store.engine}-server.log`), startTimeoutMs: 180_000 });
  const problems: string[] = [];
  try {
    await server.start();
    const learner = new Learner(() => server.url);
    await learner.signUpAndIn();
    const a = loadActivities().find((x) => x.quiz.questions.length >= 2);
    if (!a) throw new Error("no quiz with two questions");
    const [first, contested] = a.quiz.questions;
    const answer = (attemptId: string, questionId: string, chosen: string[]): AnswerBody => ({ id: crypto.randomUUID(), attemptId, locale: a.locale, courseId: a.courseId, lessonId: a.lessonId, questionId, chosen });
    const acked: string[] = [];
    for (let i = 0; i < ATTEMPTS; i++) {
      const attemptId = crypto.randomUUID();
      const opening = answer(attemptId, first.id, first.correct);
      const opened = await learner.submit(opening);
      if (opened.kind !== "ack") throw new Error(`first answer not acknowledged: ${JSON.stringify(opened)}`);
      acked.push(opening.id);
      const rivals = Array.from({ length: RIVALS }, () => answer(attemptId, contested.id, contested.correct));
      const outcomes = await Promise.all(rivals.map((r) => learner.submit(r)));
      rivals.forEach((r, k) => outcomes[k].kind === "ack" && acked.push(r.id));
      const bad = outcomes.filter((o) => o.kind !== "ack" && !(o.kind === "http" && o.status === 409));
      if (bad.length) problems.push(`attempt ${attemptId}: unexpected outcomes ${JSON.stringify(bad)}`);
    }
    const snap = await store.snapshot();
    const notStored = acked.filter((id) => !snap.rows.has(id));
    if (notStored.length) problems.push(`${notStored.length} answers were acknowledged (200) but are not stored, e.g. ${notStored.slice(0, 3).join(", ")}`);
  } catch (e) {
    problems.push(`${(e as Error).stack ?? e}\n${server.logTail()}`);
  } finally {
    await server.kill();
  }
  return problems;
}

async function main() {
  assertBuilt();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cg-answer-race-"));
  const stores: (() => Promise<Store>)[] = [async () => sqliteStore(path.join(work, "sqlite"))];
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) stores.push(() => postgresStore(pgUrl, path.join(work, "pg-data")));
  let failed = false;
  for (const make of stores) {
    const store = await make();
    const problems = await race(store, work).finally(() => store.dispose(false));
    console.log(`${store.engine}: ${problems.length ? `FAILED\n  ${problems.join("\n  ")}` : `ok (${ATTEMPTS} attempts x ${RIVALS} rival answers: one stored and acknowledged each, the rest refused)`}`);
    failed ||= problems.length > 0;
  }
  if (failed) process.exitCode = 1;
  else fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
