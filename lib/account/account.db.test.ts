// A learner's export and deletion on both engines: their data and nobody else's, and no row
// left behind. privacy-registry.db.test.ts checks the same for every declared table.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { accountHash, recordFailure, throttleKeyFor, trustDevice } from "@/lib/auth/throttle";
import { finishAttempt, recordAnswer } from "@/lib/progress/answers";
import { mergeGuestProgress } from "@/lib/progress/guest-merge";
import { testEngines } from "@/lib/testing/db";
import { deleteMyAccount } from "./delete";
import { exportMyData } from "./export";
import { PRIVACY_REGISTRY } from "./privacy-registry";

import { answer, countRows, course, PASSWORD } from "@/lib/testing/progress-fixture";

process.env.LOG_SILENT = "1";


describe.each(testEngines())("account export and deletion on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let alice: SessionUser;
  let bob: SessionUser;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    alice = await createAccount(handle, { email: `alice-${engine.name}@example.org`, displayName: "Alice", password: PASSWORD });
    bob = await createAccount(handle, { email: `bob-${engine.name}@example.org`, displayName: "Bob", password: PASSWORD });
    // Something of each to export.
    for (const user of [alice, bob]) {
      const attemptId = crypto.randomUUID();
      await recordAnswer(handle, user, answer(attemptId, 0));
      await recordAnswer(handle, user, answer(attemptId, 1, false));
    }
  });
  afterAll(async () => cleanup());

  it("exports the learner's data and nobody else's", async () => {
    const data = await exportMyData(handle, alice);
    expect(data.account).toMatchObject({ id: alice.id, display_name: "Alice" });
    expect(JSON.stringify(data)).not.toContain(bob.id);
    expect(JSON.stringify(data)).not.toContain("argon2");
    expect(data.quizResponses.length).toBe(await countRows(handle, "quiz_responses", alice.id));
  });

  it("deletes an account and leaves no row about it", async () => {
    const dave = await createAccount(handle, { email: `dave-${engine.name}@example.org`, displayName: "Dave", password: PASSWORD });
    const attemptId = crypto.randomUUID();
    await recordAnswer(handle, dave, answer(attemptId, 0));
    await finishAttempt(handle, dave, attemptId, "en");
    await mergeGuestProgress(handle, dave, { lessons: { [`en/${course.id}/${course.modules[0].lessons[1].id}`]: { doneAt: "2026-11-02T10:00:00.000Z", bestPercent: 50 } } });
    await trustDevice(handle, `dave-${engine.name}@example.org`, "daves-phone");
    await recordFailure(handle, await throttleKeyFor(handle, `dave-${engine.name}@example.org`, null));

    await expect(deleteMyAccount(handle, dave, "wrong password")).rejects.toMatchObject({ code: "forbidden" });
    await deleteMyAccount(handle, dave, PASSWORD);

    const who = { id: dave.id, email: `dave-${engine.name}@example.org`, loginName: null };
    for (const entry of PRIVACY_REGISTRY) expect(await entry.count(handle.db, who), entry.table).toBe(0);
    for (const table of ["login_throttle", "login_devices"] as const) {
      const left = await handle.db.selectFrom(table).selectAll().where("account_hash", "=", accountHash(`dave-${engine.name}@example.org`)).execute();
      expect(left, table).toEqual([]);
    }
    // Other learners are untouched.
    expect(await countRows(handle, "quiz_responses", alice.id)).toBeGreaterThan(0);
  });
});
