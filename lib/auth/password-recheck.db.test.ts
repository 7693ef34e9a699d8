// Deleting an account re-asks the password: that check shares the sign-in throttle (same
// account and device buckets), so a stolen session is no unthrottled way to guess the password.
import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { testEngines } from "@/lib/testing/db";
import { deleteMyAccount } from "@/lib/account/delete";
import { authenticate, createAccount } from "./accounts";
import { THROTTLE, trustDevice } from "./throttle";

process.env.LOG_SILENT = "1";

const PASSWORD = "river lamp orchard";
const WRONG = "harbour candle meadow";

describe.each(testEngines())("password re-checks on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ handle, cleanup } = await engine.open()));
  afterAll(async () => cleanup());
  afterEach(() => vi.useRealTimers());

  it("throttles wrong passwords at deletion like sign-in: refused while blocked, shared with sign-in, the owner's device spared", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const email = `del-${crypto.randomUUID()}@example.org`;
    const user = await createAccount(handle, { email, displayName: "Del", password: PASSWORD });
    const owners = crypto.randomUUID();
    await trustDevice(handle, email, owners);
    for (let i = 0; i < THROTTLE.freeFailures; i++) {
      await expect(deleteMyAccount(handle, user, WRONG, null)).rejects.toMatchObject({ code: "forbidden" });
    }
    // Blocked: even the right password is not checked, and sign-in from an unknown browser is blocked too.
    const refused = await deleteMyAccount(handle, user, PASSWORD, null).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "throttled", status: 429, details: { field: "password" } });
    expect((refused as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds).toBeGreaterThan(0);
    expect(await authenticate(handle, email, PASSWORD, null)).toMatchObject({ ok: false, reason: "throttled" });
    // The owner's own browser has its own bucket, as at sign-in.
    expect(await authenticate(handle, email, PASSWORD, owners)).toMatchObject({ ok: true });
    // Once the block ends, the right password deletes the account.
    vi.setSystemTime(Date.now() + THROTTLE.maxBlockMs + 1000);
    await expect(deleteMyAccount(handle, user, PASSWORD, null)).resolves.toBeUndefined();
    expect(await handle.db.selectFrom("users").select("id").where("id", "=", user.id).executeTakeFirst()).toBeUndefined();
  });

  it("counts sign-in failures against deletion, and clears the bucket on a right password", async () => {
    const email = `del-${crypto.randomUUID()}@example.org`;
    const user = await createAccount(handle, { email, displayName: "Del", password: PASSWORD });
    for (let i = 0; i < THROTTLE.freeFailures - 1; i++) expect(await authenticate(handle, email, WRONG, null)).toMatchObject({ reason: "invalid" });
    await expect(deleteMyAccount(handle, user, WRONG, null)).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteMyAccount(handle, user, PASSWORD, null)).rejects.toMatchObject({ code: "throttled" });
    const other = await createAccount(handle, { email: `ok-${crypto.randomUUID()}@example.org`, displayName: "Ok", password: PASSWORD });
    await expect(deleteMyAccount(handle, other, PASSWORD, null)).resolves.toBeUndefined();
  });
});
