// Learning records on both engines: statements written in the answer's transaction (and only with
// an LRS enabled), delivered to a stand-in LRS, retried with back-off, surviving a restart, sent
// once by two workers at a time, dead-lettered, rejected on a conflicting resend, voided when the
// learner's account is erased, and part of the learner's export.
import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { deleteMyAccount } from "@/lib/account/delete";
import { exportMyData } from "@/lib/account/export";
import { finishAttempt, recordAnswer } from "@/lib/progress/answers";
import { completeLesson } from "@/lib/progress/completions";
import { testEngines } from "@/lib/testing/db";
import { answer, PASSWORD, ref } from "@/lib/testing/progress-fixture";
import { BASE_DELAY_MS, deliverDue, type DeliveryOptions } from "./deliver";
import { claimDue, enqueue, LEASE_MS, outboxSummary, requeueDead } from "./outbox";
import { forgetCachedTarget, lrsSettings, xapiTarget } from "./settings";
import { statementForAnswer } from "./statements";
import { startLrsStandIn, type LrsStandIn } from "./testing/lrs-stand-in";
import { tick } from "./worker";
import { setUpLrs } from "./testing/settings";

process.env.LOG_SILENT = "1";
process.env.NEXTAUTH_SECRET ??= "test-secret-for-the-xapi-data-layer-tests-0123456789";
resetEnvForTests();

const CREDENTIALS = { key: "app-key", secret: "s3cret value" };
const T0 = new Date("2026-12-07T10:00:00.000Z");

/** A second connection to the same database: another process (a restart, a second instance). */
function reopen(handle: Db): Db {
  if (handle.store.kind === "sqlite") return createDb({ kind: "sqlite", file: handle.store.database.name });
  return createDb({ kind: "postgres", url: process.env.TEST_DATABASE_URL!, schema: handle.schema });
}

const rows = (handle: Db, userId?: string) => {
  let q = handle.db.selectFrom("xapi_outbox").selectAll().orderBy("created_at").orderBy("id");
  if (userId !== undefined) q = q.where("user_id", "=", userId);
  return q.execute();
};

describe.each(testEngines())("xAPI learning records on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lrs: LrsStandIn;
  let learner: SessionUser;
  let n = 0;

  const at = (ms: number) => () => new Date(T0.getTime() + ms);
  const opts = (ms = 0, more: DeliveryOptions = {}): DeliveryOptions => ({ now: at(ms), random: () => 0.5, timeoutMs: 2_000, ...more });

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
  });
  afterAll(async () => cleanup());
  beforeEach(async () => {
    lrs = await startLrsStandIn(CREDENTIALS);
    await handle.db.deleteFrom("xapi_outbox").execute();
    await handle.db.deleteFrom("xapi_settings").execute();
    forgetCachedTarget(handle);
    learner = await createAccount(handle, { email: `learner-${++n}-${engine.name}@example.org`, displayName: "Learner", password: PASSWORD });
  });
  afterEach(async () => lrs.close());

  /** Enqueues `count` statements for the learner, dated T0 (due at once). */
  async function enqueueSome(count: number) {
    const target = (await xapiTarget(handle))!;
    const items = Array.from({ length: count }, () => ({
      statement: statementForAnswer(target, { ...answer(crypto.randomUUID(), 0), userId: learner.id, points: 1, correct: true, answeredAt: T0.toISOString() }),
      userId: learner.id,
    }));
    await enqueue(handle.db, items, T0);
    return items.map((i) => i.statement.id);
  }

  it("writes no statement and reads no settings for an answer while no LRS is set up", async () => {
    const seen: string[] = [];
    const counted: Db = {
      ...handle,
      db: handle.db.withPlugin({
        transformQuery: (args) => {
          seen.push(JSON.stringify(args.node));
          return args.node;
        },
        transformResult: (args) => Promise.resolve(args.result),
      }),
    };
    const attemptId = crypto.randomUUID();
    await recordAnswer(counted, learner, answer(attemptId, 0)); // the first call reads the settings once
    seen.length = 0;
    await recordAnswer(counted, learner, answer(attemptId, 1));
    await finishAttempt(counted, learner, attemptId, "en");
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((q) => q.includes("xapi"))).toEqual([]);
    expect(await rows(handle)).toEqual([]);
  });

  it("writes each statement with its answer, attempt or completion, and only for what was stored", async () => {
    await setUpLrs(handle, { endpoint: lrs.endpoint, ...CREDENTIALS });
    const attemptId = crypto.randomUUID();
    const first = answer(attemptId, 0);
    const second = answer(attemptId, 1, false);
    await recordAnswer(handle, learner, first); // the transaction path (a new attempt)
    await recordAnswer(handle, learner, second); // the one-statement path
    await recordAnswer(handle, learner, second); // a resend: nothing new
    await expect(recordAnswer(handle, learner, { ...answer(attemptId, 1), id: crypto.randomUUID() })).rejects.toMatchObject({ key: "quiz.alreadyAnswered" });
    await finishAttempt(handle, learner, attemptId, "en");
    await finishAttempt(handle, learner, attemptId, "en"); // idempotent
    await completeLesson(handle, learner, ref); // already done by the quiz: nothing new

    const stored = await rows(handle, learner.id);
    const byId = new Map(stored.map((r) => [r.id, JSON.parse(r.statement) as { verb: { id: string }; result?: { success?: boolean } }]));
    expect(stored).toHaveLength(4);
    expect(byId.get(first.id)?.verb.id).toBe("http://adlnet.gov/expapi/verbs/answered");
    expect(byId.get(second.id)?.result?.success).toBe(false);
    expect(byId.get(attemptId)?.verb.id).toMatch(/passed|failed$/);
    expect([...byId.values()].filter((s) => s.verb.id.endsWith("/completed"))).toHaveLength(1);
    expect(stored.every((r) => r.status === "pending" && r.attempts === 0)).toBe(true);
  });

  it("stops writing statements once the LRS is switched off", async () => {
    await setUpLrs(handle, { endpoint: lrs.endpoint, ...CREDENTIALS, enabled: false });
    expect(await xapiTarget(handle)).toBeNull();
    await completeLesson(handle, learner, ref);
    expect(await rows(handle)).toEqual([]);
    const view = await lrsSettings(handle, { id: "x", role: "admin", displayName: "A" });
    expect(view).toMatchObject({ endpoint: lrs.endpoint, enabled: false, credentials: "set", version: "1.0.3", activityBase: "https://commonground.example" });
    expect(JSON.stringify(view)).not.toContain(CREDENTIALS.secret);
    const raw = await handle.db.selectFrom("xapi_settings").select("credentials").executeTakeFirstOrThrow();
    expect(raw.credentials).not.toContain(CREDENTIALS.secret);
    await expect(lrsSettings(handle, learner)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("delivers due statements in a batch, with the LRS's authentication and version header", async () => {
    await setUpLrs(handle, { endpoint: lrs.endpoint, ...CREDENTIALS, version: "2.0.0" });
    const ids = await enqueueSome(3);
    const report = await deliverDue(handle, opts());
    expect(report).toMatchObject({ claimed: 3, sent: 3 });
    expect([...lrs.statements.keys()].sort()).toEqual([...ids].sort());
    expect(lrs.requests).toEqual([{ status: 200, count: 3 }]);
    expect((await rows(handle)).map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    expect(await deliverDue(handle, opts())).toMatchObject({ claimed: 0 });
  });

  it("the worker's tick sends what is due, and does nothing without an LRS", async () => {
    expect(await tick(handle)).toBe(0);
    await setUpLrs(handle, { endpoint: lrs.endpoint, ...CREDENTIALS });
    const ids = await enqueueSome(2);
    expect(await tick(handle)).toBe(2);
    expect([...lrs.statements.keys()].sort()).toEqual([...ids].sort());
  });

  it("does nothing while the LRS is switched off, and retries with wrong credentials", async () => {
    await setUpLrs(handle, { endpoint: lrs.endpoint, ...CREDENTIALS });
    await enqueueSome(1);
    await setUpLrs(handle, { endpoint: lrs.endpoint, enabled: false });
    expect(await deliverDue(handle, opts())).toMatchObject({ claimed: 0 });
    await setUpLrs(handle, { endpoint: lrs.endpoint, key: "wrong", secret: "wrong" });
    expect(await deliverDue(handle, opts())).toMatchObject({ claimed: 1, retried: 1 });
    expect((await rows(handle))[0]).toMatchObject({ status: "pending", last_error: "HTTP 401" });
  });

  it("backs off exponentially, with jitter, after errors and timeouts, then delivers", async () => {
    await setUpLrs(handle, { endpoint: lrs.endpoint, ...CREDENTIALS });
    const [id] = await enqueueSome(1);
    lrs.failNext(1, 503);
    lrs.failNext(1, "timeout");
    expect(await deliverDue(handle, opts(0))).toMatchObject({ retried: 1 });
    let row = (await rows(handle))[0];
    // First retry: between half and all of BASE_DELAY_MS (random 0.5: three quarters).
    expect(row).toMatchObject({ status: "pending", attempts: 1, last_error: "HTTP 503", next_attempt_at: new Date(T0.getTime() + BASE_DELAY_MS * 0.75).toISOString() });
    expect(await deliverDue(handle, opts(BASE_DELAY_MS * 0.75 - 1))).toMatchObject({ claimed: 0 });
    const second = BASE_DELAY_MS * 0.75;
    expect(await deliverDue(handle, opts(second, { timeoutMs: 200 }))).toMatchObject({ retried: 1 });
    row = (await rows(handle))[0];
    // Second retry: twice as long.
    expect(row).toMatchObject({ attempts: 2, last_error: "timeout", next_attempt_at: new Date(T0.getTime() + second + BASE_DELAY_MS * 1.5).toISOString() });
    expect(await deliverDue(handle, opts(second + BASE_DELAY_MS * 1.5))).toMatchObject({ sent: 1 });
    expect(lrs.statements.has(id)).toBe(true);
  });

  it("dead-letters a statement after its last try, shows it, and can try it again", async () => {
    await setUpLrs(handle, { endpoint: lrs.endpoint, ...CREDENTIALS });
    await enqueueSome(1);
    lrs.failNext(3, 500);
    await deliverDue(handle, opts(0, { maxAttempts: 2 }));
    expect(await deliverDue(handle, opts(10 * BASE_DELAY_MS, { maxAttempts: 2 }))).toMatchObject({ dead: 1 });
    expect(await deliverDue(handle, opts(100 * BASE_DELAY_MS, { maxAttempts: 2 }))).toMatchObject({ claimed: 0 });
    expect(await outboxSummary(handle.db)).toEqual({ pending: 0, sent: 0, dead: 1, rejected: 0, lastError: "HTTP 500 (gave up after 2 tries)" });
    expect(await requeueDead(handle.db, at(100 * BASE_DELAY_MS)())).toBe(1);
    lrs.failNext(0, 500);
    lrs.requests.length = 0;
    await deliverDue(handle, opts(100 * BASE_DELAY_MS)); // the third queued failure
    expect(await deliverDue(handle, opts(200 * BASE_DELAY_MS))).toMatchObject({ sent: 1 });
    expect(await outboxSummary(handle.db)).toMatchObject({ sent: 1, dead: 0 });
  });

  it("rejects only the statement whose id the LRS holds with other content; an identical resend is fine", async () => {
    await setUpLrs(handle, { endpoint: lrs.endpoint, ...CREDENTIALS });
    const ids = await enqueueSome(3);
    const stored = await rows(handle);
    // The LRS already holds the first statement exactly, and another statement under the second's id.
    lrs.statements.set(ids[0], JSON.parse(stored.find((r) => r.id === ids[0])!.statement) as Record<string, unknown>);
    lrs.statements.set(ids[1], { ...(JSON.parse(stored.find((r) => r.id === ids[1])!.statement) as Record<string, unknown>), timestamp: "2020-01-01T00:00:00.000Z" });
    const report = await deliverDue(handle, opts());
    expect(report).toMatchObject({ claimed: 3, sent: 2, rejected: 1 });
    // The batch is refused, then each is sent alone (in the order claimed).
    expect(lrs.requests[0]).toEqual({ status: 409, count: 3 });
    expect(lrs.requests.slice(1).map((r) => r.status).sort()).toEqual([200, 200, 409]);
    const after = new Map((await rows(handle)).map((r) => [r.id, r]));
    expect(after.get(ids[0])?.status).toBe("sent");
    expect(after.get(ids[1])).toMatchObject({ status: "rejected", last_error: expect.stringContaining("409") });
    expect(after.get(ids[2])?.status).toBe("sent");
    expect(await outboxSummary(handle.db)).toMatchObject({ sent: 2, rejected: 1 });
    // Requeueing the dead letters leaves a rejected statement alone.
    expect(await requeueDead(handle.db)).toBe(0);
  });

  it("survives a restart: a claim by a process that died is taken again once its lease lapses", async () => {
    await setUpLrs(handle, { endpoint: lrs.endpoint, ...CREDENTIALS });
    const ids = await enqueueSome(2);
    // A worker claims the statements and dies before sending them.
    expect(await claimDue(handle, 10, T0, new Date(T0.getTime() + LEASE_MS))).toHaveLength(2);
    const restarted = reopen(handle);
    try {
      expect(await deliverDue(restarted, opts(LEASE_MS - 1))).toMatchObject({ claimed: 0 });
      expect(await deliverDue(restarted, opts(LEASE_MS))).toMatchObject({ claimed: 2, sent: 2 });
      expect([...lrs.received.keys()].sort()).toEqual([...ids].sort());
      expect((await rows(restarted)).map((r) => r.attempts)).toEqual([2, 2]);
    } finally {
      await restarted.close();
    }
  });

  it("sends each statement once with two workers in two processes at the same time", async () => {
    await setUpLrs(handle, { endpoint: lrs.endpoint, ...CREDENTIALS });
    const ids = await enqueueSome(120);
    const other = reopen(handle);
    try {
      const drain = async (h: Db) => {
        let claimed = 0;
        for (;;) {
          const r = await deliverDue(h, opts(0, { batchSize: 7 }));
          if (r.claimed === 0) return claimed;
          claimed += r.claimed;
        }
      };
      const [a, b] = await Promise.all([drain(handle), drain(other)]);
      expect(a + b).toBe(120);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      expect(lrs.received.size).toBe(120);
      expect([...lrs.received.values()].every((times) => times === 1)).toBe(true);
      expect([...lrs.received.keys()].sort()).toEqual([...ids].sort());
    } finally {
      await other.close();
    }
  });

  it("exports the learner's statements, and on erasure deletes the queued ones and voids the sent ones", async () => {
    await setUpLrs(handle, { endpoint: lrs.endpoint, ...CREDENTIALS });
    const sent = await enqueueSome(2);
    await deliverDue(handle, opts());
    // One more the LRS refused (it holds another statement under its id): never voided.
    const [refused] = await enqueueSome(1);
    lrs.statements.set(refused, { id: refused, other: true });
    await deliverDue(handle, opts());
    const queued = await enqueueSome(1);
    const data = await exportMyData(handle, learner);
    expect(data.learningRecords.map((r) => r.id).sort()).toEqual([...sent, refused, ...queued].sort());
    expect(data.learningRecords.find((r) => r.id === queued[0])).toMatchObject({ status: "pending", statement: { id: queued[0], verb: { id: "http://adlnet.gov/expapi/verbs/answered" } } });

    await deleteMyAccount(handle, learner, PASSWORD);
    const left = await rows(handle);
    expect(left.filter((r) => r.user_id !== null)).toEqual([]);
    expect(left).toHaveLength(2);
    const voids = left.map((r) => JSON.parse(r.statement) as { verb: { id: string }; object: { id: string }; actor: unknown });
    expect(voids.map((v) => v.object.id).sort()).toEqual([...sent].sort());
    expect(voids.every((v) => v.verb.id === "http://adlnet.gov/expapi/verbs/voided")).toBe(true);
    // No pseudonym of the learner stays behind: the app voids in its own name.
    const pseudonym = (lrs.statements.get(sent[0]) as { actor: { account: { name: string } } }).actor.account.name;
    expect(JSON.stringify(voids)).not.toContain(pseudonym);

    // Voids wait one lease (a statement in flight lands first), then go; the queued one never does.
    const erasedAt = Date.now();
    expect(await deliverDue(handle, { now: () => new Date(erasedAt) })).toMatchObject({ claimed: 0 });
    expect(await deliverDue(handle, { now: () => new Date(erasedAt + LEASE_MS + 1_000) })).toMatchObject({ sent: 2 });
    expect([...lrs.voided].sort()).toEqual([...sent].sort());
    expect(lrs.received.has(queued[0])).toBe(false);
    expect(lrs.voided.has(refused)).toBe(false);
  });
});
