// Rounds of: start the real server, send answers concurrently, SIGKILL it mid-flight, check the
// database at the crash point, restart, replay every answer that got no 2xx, and verify.
import { Learner, type AnswerBody, type Outcome } from "./client";
import { Server } from "./server";
import type { Snapshot, Store } from "./stores";
import { rng } from "@/lib/testing/random";
import { loadActivities, planRound, type PlannedAnswer } from "./workload";

export interface RoundOptions {
  rounds: number;
  perRound: number;
  concurrency: number;
  learners: number;
  port: number;
  seed: number;
  logFile: string;
  startTimeoutMs: number;
  /** How long one answer may keep failing (refused, reset, 5xx) before the run gives up. */
  replayDeadlineMs: number;
  progress: (line: string) => void;
}

export interface Figures {
  engine: string;
  rounds: number;
  /** Distinct answers (client ids) sent. */
  sent: number;
  posts: number;
  acknowledgedFirstTime: number;
  inFlightAtKill: number;
  /** Sent, no 2xx before the kill, replayed after the restart until acknowledged. */
  lostInFlightReplayed: number;
  /** Of those, already committed when the server died (the replay must not store them twice). */
  committedButUnacknowledged: number;
  deliberateResends: number;
  serverErrors: number;
  duplicatesFound: number;
  lostAcknowledged: number;
  integrityChecks: number;
  integrityFailures: number;
  lastIntegrity: string;
  seconds: number;
  problems: string[];
}

interface Sent {
  learner: Learner;
  body: AnswerBody;
}

export async function runRounds(store: Store, options: RoundOptions): Promise<Figures> {
  const started = Date.now();
  const random = rng(options.seed);
  const activities = loadActivities();
  const server = new Server({ port: options.port, env: store.serverEnv, logFile: options.logFile, startTimeoutMs: options.startTimeoutMs });
  const learners = Array.from({ length: options.learners }, () => new Learner(() => server.url));
  const f: Figures = {
    engine: store.engine,
    rounds: 0,
    sent: 0,
    posts: 0,
    acknowledgedFirstTime: 0,
    inFlightAtKill: 0,
    lostInFlightReplayed: 0,
    committedButUnacknowledged: 0,
    deliberateResends: 0,
    serverErrors: 0,
    duplicatesFound: 0,
    lostAcknowledged: 0,
    integrityChecks: 0,
    integrityFailures: 0,
    lastIntegrity: "",
    seconds: 0,
    problems: [],
  };
  /** Every answer ever sent, by client id; all of them must be stored exactly once in the end. */
  const all = new Map<string, Sent>();
  /** Answers that had a 2xx: these must survive any crash that follows. */
  const acknowledged = new Set<string>();
  /** Acknowledged answers ever found missing (at a crash point or at a verification). */
  const lostAcknowledged = new Set<string>();

  const post = async (s: Sent): Promise<Outcome> => {
    f.posts++;
    const out = await s.learner.submit(s.body);
    if (out.kind === "http" && out.status >= 500) f.serverErrors++;
    if (out.kind === "ack" && out.questionId !== s.body.questionId) {
      f.problems.push(`answer ${s.body.id}: acknowledged for question ${out.questionId}, sent for ${s.body.questionId}`);
    }
    return out;
  };

  /** Resends until a 2xx. Refused/reset connections and 5xx are retried; a 4xx is a failure. */
  const untilAcknowledged = async (s: Sent): Promise<void> => {
    const deadline = Date.now() + options.replayDeadlineMs;
    for (let wait = 50; ; wait = Math.min(wait * 2, 1_000)) {
      const out = await post(s);
      if (out.kind === "ack") {
        acknowledged.add(s.body.id);
        return;
      }
      if (out.kind === "http" && out.status < 500) {
        f.problems.push(`answer ${s.body.id} was refused with ${out.status} on resend: ${out.body}`);
        return;
      }
      if (Date.now() > deadline) {
        f.problems.push(`answer ${s.body.id} still not acknowledged after ${options.replayDeadlineMs} ms (last: ${JSON.stringify(out)})`);
        return;
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  };

  const pool = async <T>(items: T[], fn: (item: T) => Promise<void>) => {
    let next = 0;
    const worker = async () => {
      while (next < items.length) await fn(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, items.length) }, worker));
  };

  try {
    for (let round = 1; round <= options.rounds && f.problems.length === 0; round++) {
      const roundStarted = Date.now();
      // The server restarted at the end of the previous round serves this one.
      if (!server.running) await server.start();
      if (round === 1) for (const l of learners) await l.signUpAndIn();
      const plan: Sent[] = planRound(random, activities, learners.length, options.perRound).map((p: PlannedAnswer) => ({ learner: learners[p.learner], body: p.body }));
      for (const s of plan) all.set(s.body.id, s);
      f.sent += plan.length;

      // 1. Send concurrently; after a random number of acknowledgements, SIGKILL the server.
      const killAfter = Math.floor(plan.length * (0.15 + 0.7 * random()));
      const lost: Sent[] = [];
      let inFlight = 0;
      let acks = 0;
      let next = 0;
      let killing: Promise<void> | undefined;
      const sender = async () => {
        while (!killing && next < plan.length) {
          const s = plan[next++];
          inFlight++;
          const out = await post(s);
          inFlight--;
          if (out.kind === "ack") {
            acknowledged.add(s.body.id);
            f.acknowledgedFirstTime++;
            if (++acks >= killAfter && !killing) {
              f.inFlightAtKill += inFlight;
              killing = server.kill();
            }
          } else if (out.kind === "http" && out.status < 500) {
            f.problems.push(`answer ${s.body.id} was refused with ${out.status}: ${out.body}`);
          } else {
            lost.push(s);
          }
        }
      };
      await Promise.all(Array.from({ length: options.concurrency }, sender));
      await (killing ?? server.kill());
      const unsent = plan.slice(next);

      // 2. At the crash point, with the server dead: every acknowledged answer is already stored.
      const stored = await store.present([...acknowledged]);
      const missing = [...acknowledged].filter((id) => !stored.has(id));
      for (const id of missing) lostAcknowledged.add(id);
      if (missing.length) f.problems.push(`round ${round}: ${missing.length} acknowledged answers missing right after the crash, e.g. ${missing.slice(0, 3).join(", ")}`);
      f.committedButUnacknowledged += (await store.present(lost.map((s) => s.body.id))).size;

      // 3. Restart; replay what got no 2xx, send what was never sent, and resend a few
      //    acknowledged ones on purpose (a client that lost the response does exactly that).
      await server.start();
      f.lostInFlightReplayed += lost.length;
      await pool(lost, untilAcknowledged);
      await pool(unsent, untilAcknowledged);
      const resend = plan.filter((s) => acknowledged.has(s.body.id) && random() < 0.05);
      f.deliberateResends += resend.length;
      await pool(resend, untilAcknowledged);

      // 4. Verify the whole history so far, with the server running.
      verify(await store.snapshot(), `round ${round}`);
      f.rounds = round;
      options.progress(
        `${store.engine} round ${round}/${options.rounds}: ${plan.length} sent, kill after ${acks} acks with ${lost.length} in flight lost (${unsent.length} not yet sent), ${acknowledged.size} acknowledged in total, ${((Date.now() - roundStarted) / 1000).toFixed(1)} s`,
      );
    }
    // 5. Once more offline, after a last kill: what a restart would find.
    await server.kill();
    if (f.problems.length === 0) verify(await store.snapshot(), "after the last kill");
  } catch (e) {
    f.problems.push(`${(e as Error).stack ?? e}\n--- server log (tail):\n${server.logTail()}`);
  } finally {
    await server.kill().catch((e) => f.problems.push(`could not stop the server: ${(e as Error).message}`));
    f.lostAcknowledged = lostAcknowledged.size;
    f.seconds = (Date.now() - started) / 1000;
  }
  return f;

  function verify(snap: Snapshot, when: string) {
    f.integrityChecks++;
    f.lastIntegrity = snap.integrity.detail;
    if (!snap.integrity.ok) {
      f.integrityFailures++;
      f.problems.push(`${when}: integrity check failed: ${snap.integrity.detail}`);
    }
    const extra = snap.rowCount - all.size;
    const duplicates = snap.duplicateIds + snap.duplicatePairs + Math.max(0, extra);
    f.duplicatesFound = Math.max(f.duplicatesFound, duplicates);
    if (duplicates) f.problems.push(`${when}: duplicates: ${snap.duplicateIds} ids, ${snap.duplicatePairs} (attempt, question) pairs stored twice; ${snap.rowCount} rows for ${all.size} answers`);
    if (snap.orphans) f.problems.push(`${when}: ${snap.orphans} answers without their attempt or user, or under another user's attempt`);
    let lostAck = 0;
    const wrong: string[] = [];
    for (const [id, s] of all) {
      const row = snap.rows.get(id);
      if (!row) {
        if (acknowledged.has(id)) {
          lostAck++;
          lostAcknowledged.add(id);
        }
        else wrong.push(`${id} was never acknowledged`);
        continue;
      }
      const expected = { user_id: s.learner.userId, attempt_id: s.body.attemptId, question_id: s.body.questionId, chosen: JSON.stringify(s.body.chosen) };
      const got = { user_id: row.user_id, attempt_id: row.attempt_id, question_id: row.question_id, chosen: row.chosen };
      if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${id}: stored ${JSON.stringify(got)}, sent ${JSON.stringify(expected)}`);
    }
    if (lostAck) f.problems.push(`${when}: ${lostAck} acknowledged answers are not in the database`);
    if (wrong.length) f.problems.push(`${when}: ${wrong.length} answers stored wrongly or never acknowledged, e.g. ${wrong.slice(0, 3).join("; ")}`);
  }
}
