// Sign-up, sign-in, throttling and sign-out-everywhere on both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { testEngines } from "@/lib/testing/db";
import { authenticate, createAccount, endAllSessions, ensureAdmin, loadSessionState } from "./accounts";
import { THROTTLE } from "./throttle";

process.env.LOG_SILENT = "1";
const PASSWORD = "river lamp orchard";

describe.each(testEngines())("accounts on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ handle, cleanup } = await engine.open()));
  afterAll(async () => cleanup());

  it("signs up with a normalised email and refuses a second account for it", async () => {
    const user = await createAccount(handle, { email: "  Mixed.Case@Example.org ".trim().toLowerCase(), displayName: "M", password: PASSWORD });
    expect(user.role).toBe("learner");
    await expect(createAccount(handle, { email: "mixed.case@example.org", displayName: "M2", password: PASSWORD })).rejects.toMatchObject({ code: "conflict" });
    expect(await authenticate(handle, "MIXED.case@example.org", PASSWORD, "device-1")).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("refuses a weak password with a reason", async () => {
    await expect(createAccount(handle, { email: "weak@example.org", displayName: "W", password: "password123" })).rejects.toMatchObject({ code: "bad_request", key: "password.common" });
  });

  it("answers the same for an unknown account and a wrong password", async () => {
    await createAccount(handle, { email: "known@example.org", displayName: "K", password: PASSWORD });
    const unknown = await authenticate(handle, "nobody@example.org", PASSWORD, null);
    const wrong = await authenticate(handle, "known@example.org", "not the password", null);
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
  });

  it("throttles guessing without locking the owner out of a device they signed in from", async () => {
    await createAccount(handle, { email: "target@example.org", displayName: "T", password: PASSWORD });
    // The owner signed in from this browser before, so it is a trusted device for the account.
    expect(await authenticate(handle, "target@example.org", PASSWORD, "owner-device")).toMatchObject({ ok: true });

    // An attacker (no device cookie, or a device never used for this account) guesses.
    for (let i = 0; i < THROTTLE.freeFailures; i++) {
      expect(await authenticate(handle, "target@example.org", `guess ${i}`, i % 2 ? null : "attacker-device")).toMatchObject({ ok: false, reason: "invalid" });
    }
    const blocked = await authenticate(handle, "target@example.org", PASSWORD, null);
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect((blocked as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);

    // The owner's device still signs in at once, and other accounts are unaffected.
    expect(await authenticate(handle, "target@example.org", PASSWORD, "owner-device")).toMatchObject({ ok: true });
    await createAccount(handle, { email: "neighbour@example.org", displayName: "N", password: PASSWORD });
    expect(await authenticate(handle, "neighbour@example.org", PASSWORD, null)).toMatchObject({ ok: true });

    // Unknown accounts are throttled the same way, so throttling reveals nothing either.
    for (let i = 0; i < THROTTLE.freeFailures; i++) await authenticate(handle, "ghost@example.org", "x", null);
    expect(await authenticate(handle, "ghost@example.org", "x", null)).toMatchObject({ reason: "throttled" });
  });

  it("a trusted device is throttled on its own after its own failures", async () => {
    await createAccount(handle, { email: "forgetful@example.org", displayName: "F", password: PASSWORD });
    await authenticate(handle, "forgetful@example.org", PASSWORD, "laptop");
    for (let i = 0; i < THROTTLE.freeFailures; i++) await authenticate(handle, "forgetful@example.org", "wrong", "laptop");
    expect(await authenticate(handle, "forgetful@example.org", PASSWORD, "laptop")).toMatchObject({ reason: "throttled" });
    expect(await authenticate(handle, "forgetful@example.org", PASSWORD, null)).toMatchObject({ ok: true });
  });

  it("ends every session with sign out everywhere", async () => {
    const user = await createAccount(handle, { email: "everywhere@example.org", displayName: "E", password: PASSWORD });
    const before = (await loadSessionState(handle, user.id))!.sessionVersion;
    await endAllSessions(handle, user.id);
    expect((await loadSessionState(handle, user.id))!.sessionVersion).toBe(before + 1);
  });

  it("creates the first admin from configuration, and promotes without resetting a password", async () => {
    expect(await ensureAdmin(handle, { email: "admin@example.org", password: "a long admin passphrase" })).toBe("created");
    expect(await ensureAdmin(handle, { email: "admin@example.org", password: "a long admin passphrase" })).toBe("unchanged");
    await createAccount(handle, { email: "lead@example.org", displayName: "L", password: PASSWORD });
    expect(await ensureAdmin(handle, { email: "lead@example.org", password: "ignored passphrase here" })).toBe("promoted");
    expect(await authenticate(handle, "lead@example.org", PASSWORD, null)).toMatchObject({ ok: true, user: { role: "admin" } });
  });
});
