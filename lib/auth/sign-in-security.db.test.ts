// Sign-in as an attacker sees it: the same work for known accounts and unknown ones (so the same
// time, which npm run bench:sign-in measures), and one structured log line for every security
// event, never with a secret in it.
// LOG_SILENT stays unset in this file on purpose: the log lines are what it checks.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { testEngines } from "@/lib/testing/db";
import { cohortFor } from "@/lib/cohorts/access";
import { createCohort, setFacilitatorSuspended } from "@/lib/cohorts/mutations";
import { authenticate, createAccount, endAllSessions, type SessionUser } from "./accounts";
import { authOptions } from "./options";
import { THROTTLE } from "./throttle";

const PASSWORD = "river lamp orchard";
const WRONG = "harbour candle meadow";

// argon2's verify, counted but not replaced: every call still does the real work.
const argon2 = vi.hoisted(() => ({ verify: null as unknown as import("vitest").Mock<(hash: string, password: string) => Promise<boolean>> }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  argon2.verify = vi.fn((hash: string, password: string) => actual.verify(hash, password));
  return { ...actual, verify: argon2.verify };
});

/** Every JSON line logged while `fn` runs. */
async function logged(fn: () => Promise<unknown>): Promise<{ lines: Record<string, unknown>[]; raw: string; error?: unknown }> {
  const out: string[] = [];
  const spies = [vi.spyOn(console, "log"), vi.spyOn(console, "error"), vi.spyOn(console, "warn")];
  for (const s of spies) s.mockImplementation((...args: unknown[]) => void out.push(args.map(String).join(" ")));
  let error: unknown;
  try {
    await fn();
  } catch (e) {
    error = e;
  } finally {
    for (const s of spies) s.mockRestore();
  }
  return { lines: out.map((l) => JSON.parse(l) as Record<string, unknown>), raw: out.join("\n"), error };
}

describe.each(testEngines())("sign-in security on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ handle, cleanup } = await engine.open()));
  afterAll(async () => cleanup());
  afterEach(() => vi.restoreAllMocks());

  it("does the same work for an unknown account as for a known one with a wrong password", async () => {
    // How long each path takes is a figure, not a test (npm run bench:sign-in, bench/README.md):
    // here, both paths must run one argon2 verification against a hash of the same cost, which
    // is what keeps their times equal. A path that skipped the hash would verify nothing.
    const user = await createAccount(handle, { email: "same-work@example.org", displayName: "W", password: PASSWORD });
    const stored = (await handle.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow()).password_hash!;
    const costOf = (hash: string) => hash.split("$").slice(1, 4).join("$"); // "argon2id$v=19$m=19456,t=2,p=1"

    const attempt = async (email: string) => {
      argon2.verify.mockClear();
      let result: unknown;
      const run = await logged(async () => (result = await authenticate(handle, email, WRONG, null)));
      expect(run.error).toBeUndefined();
      return { result, verified: argon2.verify.mock.calls.map(([hash, password]) => ({ cost: costOf(hash), password })) };
    };
    const known = await attempt("same-work@example.org");
    const unknown = await attempt("nobody-at-all@example.org");
    expect(known).toEqual({ result: { ok: false, reason: "invalid" }, verified: [{ cost: costOf(stored), password: WRONG }] });
    expect(unknown).toEqual(known);
  });

  it("logs sign-in, failed sign-in and throttling as one structured line each, with no password", async () => {
    const user = await createAccount(handle, { email: "logged@example.org", displayName: "L", password: PASSWORD });
    const ok = await logged(() => authenticate(handle, "logged@example.org", PASSWORD, null));
    expect(ok.lines).toEqual([expect.objectContaining({ event: "auth.sign_in", userId: user.id, time: expect.any(String) })]);

    const failed = await logged(() => authenticate(handle, "logged@example.org", WRONG, null));
    expect(failed.lines).toEqual([expect.objectContaining({ event: "auth.sign_in_failed", account: expect.any(String) })]);
    // The account is named by a hash prefix, not by its address.
    expect(failed.raw).not.toContain("logged@example.org");

    const throttled = await logged(async () => {
      for (let i = 0; i < THROTTLE.freeFailures + 1; i++) await authenticate(handle, "logged@example.org", WRONG, null);
    });
    expect(throttled.lines.map((l) => l.event)).toContain("auth.sign_in_throttled");
    for (const run of [ok, failed, throttled]) {
      expect(run.raw).not.toContain(PASSWORD);
      expect(run.raw).not.toContain(WRONG);
      expect(run.raw).not.toMatch(/\$argon2/);
    }
  });

  it("logs sign-out, sign-out everywhere, a role change and a denied request", async () => {
    const admin: SessionUser = { ...(await createAccount(handle, { email: "log-admin@example.org", displayName: "A", password: PASSWORD }, "admin")) };
    const owner = await createAccount(handle, { email: "log-owner@example.org", displayName: "O", password: PASSWORD }, "facilitator");
    const other = await createAccount(handle, { email: "log-other@example.org", displayName: "X", password: PASSWORD }, "facilitator");

    const signOut = await logged(async () => authOptions().events!.signOut!({ token: { uid: owner.id }, session: undefined } as never));
    expect(signOut.lines).toEqual([expect.objectContaining({ event: "auth.sign_out", userId: owner.id })]);

    const everywhere = await logged(() => endAllSessions(handle, owner.id));
    expect(everywhere.lines).toEqual([expect.objectContaining({ event: "auth.sign_out_everywhere", userId: owner.id })]);

    const role = await logged(() => setFacilitatorSuspended(handle, admin, other.id, true));
    expect(role.error).toBeUndefined();
    expect(role.lines).toEqual([expect.objectContaining({ event: "auth.role_changed", userId: other.id, by: admin.id, change: "suspended" })]);

    const cohort = await logged(() => createCohort(handle, owner, { name: "Hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] }));
    expect(cohort.lines).toEqual([]);
    const { id } = await createCohort(handle, owner, { name: "Hall 2", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    const stranger = await createAccount(handle, { email: "log-stranger@example.org", displayName: "S", password: PASSWORD }, "facilitator");
    const denied = await logged(() => cohortFor(handle, stranger, id, "read"));
    expect(denied.error).toMatchObject({ code: "not_found" });
    expect(denied.lines).toEqual([expect.objectContaining({ event: "auth.denied", userId: stranger.id, reason: "cohort not reachable" })]);
  });
});
