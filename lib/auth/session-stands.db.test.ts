// An answer on PostgreSQL checks the session in its own statement (sessionStands), instead of a
// query of its own before it (validSession). The two must say the same of every session, and the
// one-statement answer must store nothing for a session that no longer stands: signed out, signed
// out everywhere, an account that is gone. Both engines; on SQLite the one-statement path is off.
import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, endAllSessions, sessionStands, validSession, type SessionClaim, type SessionUser } from "@/lib/auth/accounts";
import { newSessionId, revokeSession } from "@/lib/auth/revocation";
import { testEngines } from "@/lib/testing/db";
import { answer, countRows, PASSWORD, quiz } from "@/lib/testing/progress-fixture";
import { recordAnswer, recordAnswerIfSessionStands } from "@/lib/progress/answers";
import { setUpLrs } from "@/lib/xapi/testing/settings";

process.env.LOG_SILENT = "1";

describe.each(testEngines())("a session checked in the answer's own statement on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let learner: SessionUser;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    learner = await createAccount(handle, { email: `stands-${engine.name}@example.org`, displayName: "Sam", password: PASSWORD });
  });
  afterAll(async () => cleanup());

  const version = async (userId: string) => (await handle.db.selectFrom("users").select("session_version").where("id", "=", userId).executeTakeFirstOrThrow()).session_version;
  const token = (c: SessionClaim) => ({ uid: c.userId, sv: c.sessionVersion, sid: c.sessionId });
  const stands = async (c: SessionClaim) => {
    const row = await sql<{ ok: unknown }>`select case when ${sessionStands(c)} then 1 else 0 end as ok`.execute(handle.db);
    return Number(row.rows[0].ok) === 1;
  };

  it("says what validSession says of a live, a signed-out, an outdated and an unknown session", async () => {
    const user = await createAccount(handle, { email: `rule-${engine.name}@example.org`, displayName: "Rue", password: PASSWORD });
    const live = { userId: user.id, sessionVersion: await version(user.id), sessionId: newSessionId() };
    const signedOut = { ...live, sessionId: newSessionId() };
    await revokeSession(handle, signedOut.sessionId);
    const cases: [string, SessionClaim][] = [
      ["live", live],
      ["signed out", signedOut],
      ["another version", { ...live, sessionVersion: live.sessionVersion + 1 }],
      ["unknown account", { ...live, userId: crypto.randomUUID() }],
    ];
    for (const [name, c] of cases) {
      const expected = (await validSession(handle, token(c))) !== undefined;
      expect({ name, stands: await stands(c) }).toEqual({ name, stands: expected });
    }
    expect(await stands(live)).toBe(true);
    await endAllSessions(handle, user.id);
    expect(await stands(live)).toBe(false);
    expect(await validSession(handle, token(live))).toBeUndefined();
  });

  it("stores a first and a later answer in one statement on PostgreSQL only, as recordAnswer would", async () => {
    const claim = { userId: learner.id, sessionVersion: await version(learner.id), sessionId: newSessionId() };
    const attemptId = crypto.randomUUID();
    const first = answer(attemptId, 0);
    const second = answer(attemptId, 1);
    const fast = await recordAnswerIfSessionStands(handle, claim, first);
    if (engine.name !== "postgres") {
      expect(fast).toBeUndefined();
      return;
    }
    expect(fast).toEqual(await recordAnswer(handle, learner, first));
    expect(await recordAnswerIfSessionStands(handle, claim, second)).toMatchObject({ questionId: quiz.questions[1].id, verdict: "correct" });
    const attempt = await handle.db.selectFrom("quiz_attempts").selectAll().where("id", "=", attemptId).executeTakeFirstOrThrow();
    expect(attempt).toMatchObject({ user_id: learner.id, quiz_id: quiz.id, finished_at: null, source: "app", content_version: quiz.version, locale: "en" });
    const rows = await handle.db.selectFrom("quiz_responses").select(["id", "user_id"]).where("attempt_id", "=", attemptId).execute();
    expect(rows.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    // A retry is not answered here (nothing stored), so it takes recordAnswer's path.
    expect(await recordAnswerIfSessionStands(handle, claim, first)).toBeUndefined();
  });

  it("writes nothing, neither answer nor attempt, for a session that no longer stands", async () => {
    const user = await createAccount(handle, { email: `gone-${engine.name}@example.org`, displayName: "Gil", password: PASSWORD });
    const live = { userId: user.id, sessionVersion: await version(user.id), sessionId: newSessionId() };
    const open = crypto.randomUUID();
    if (engine.name === "postgres") expect(await recordAnswerIfSessionStands(handle, live, answer(open, 0))).toBeDefined();
    else await recordAnswer(handle, user, answer(open, 0));
    const signedOut = { ...live, sessionId: newSessionId() };
    await revokeSession(handle, signedOut.sessionId);
    const outdated = { ...live, sessionVersion: live.sessionVersion + 1 };
    const stranger = { ...live, userId: crypto.randomUUID() };
    const attempts = await countRows(handle, "quiz_attempts", user.id);
    const responses = await countRows(handle, "quiz_responses", user.id);
    for (const c of [signedOut, outdated, stranger]) {
      const fresh = crypto.randomUUID();
      expect(await recordAnswerIfSessionStands(handle, c, answer(fresh, 0))).toBeUndefined();
      expect(await recordAnswerIfSessionStands(handle, c, answer(open, 1))).toBeUndefined();
      expect(await handle.db.selectFrom("quiz_attempts").select("id").where("id", "=", fresh).executeTakeFirst()).toBeUndefined();
    }
    expect(await countRows(handle, "quiz_attempts", user.id)).toBe(attempts);
    expect(await countRows(handle, "quiz_responses", user.id)).toBe(responses);
  });

  it("leaves to recordAnswer what needs a confirmed user: an unknown question, a choice that is not an option, another's attempt", async () => {
    const claim = { userId: learner.id, sessionVersion: await version(learner.id), sessionId: newSessionId() };
    expect(await recordAnswerIfSessionStands(handle, claim, { ...answer(crypto.randomUUID(), 0), questionId: "no-such-question" })).toBeUndefined();
    expect(await recordAnswerIfSessionStands(handle, claim, { ...answer(crypto.randomUUID(), 0), chosen: ["zz"] })).toBeUndefined();
    const other = await createAccount(handle, { email: `other-${engine.name}@example.org`, displayName: "Oli", password: PASSWORD });
    const theirs = crypto.randomUUID();
    await recordAnswer(handle, other, answer(theirs, 0));
    expect(await recordAnswerIfSessionStands(handle, claim, answer(theirs, 1))).toBeUndefined();
    expect(await countRows(handle, "quiz_responses", other.id)).toBe(1);
  });
  // Last: from here on an LRS is set up for this database.
  it("leaves the answer to recordAnswer when an LRS is set up, so its learning record is written with it", async () => {
    await setUpLrs(handle);
    const claim = { userId: learner.id, sessionVersion: await version(learner.id), sessionId: newSessionId() };
    const attemptId = crypto.randomUUID();
    const first = answer(attemptId, 0);
    const before = await countRows(handle, "quiz_responses", learner.id);
    expect(await recordAnswerIfSessionStands(handle, claim, first)).toBeUndefined();
    expect(await countRows(handle, "quiz_responses", learner.id)).toBe(before);
    await recordAnswer(handle, learner, first);
    const statements = await handle.db.selectFrom("xapi_outbox").select("id").where("user_id", "=", learner.id).execute();
    expect(statements.map((s) => s.id)).toContain(first.id);
  });
});
