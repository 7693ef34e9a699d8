// Rate limits on both engines: joins by code (per device, per address, per group, the nickname
// cap), failed code lookups and sign-ups trip and reset; other devices, addresses and groups are
// unaffected; a hall of 200 phones behind one address all get in; two app instances (two handles
// on one database) share the counts.
import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { testEngines } from "@/lib/testing/db";
import { createCohort, joinCohort, joinWithNickname } from "@/lib/cohorts/mutations";
import type { Client } from "./client";
import { LIMITS, NICKNAME_MEMBERS_MAX } from "./limits";
import { signUp } from "./sign-up";

process.env.LOG_SILENT = "1";

// argon2 at the production cost would make the hall's 200 joins a minute of hashing; what is
// tested here is counting, so hashing is the identity.
vi.mock("@/lib/auth/password", async (original) => ({
  ...(await original<typeof import("@/lib/auth/password")>()),
  hashPassword: async (p: string) => `test:${p}`,
}));

const PASSWORD = "river lamp orchard";
const device = (): Client => ({ device: crypto.randomBytes(8).toString("hex"), address: "hall" });
const elsewhere = (): Client => ({ device: crypto.randomBytes(8).toString("hex"), address: crypto.randomBytes(8).toString("hex") });
const nick = (code: string, i = 0) => ({ code, nickname: `Phone ${i}` });
const THROTTLED = { code: "throttled", status: 429 };

async function later(ms: number) {
  vi.setSystemTime(Date.now() + ms);
}

/** Learners made straight in the table (no hashing), to join by code with their account. */
async function learners(handle: Db, n: number): Promise<SessionUser[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(), email: `l-${crypto.randomUUID()}@example.org`, display_name: `L${i}`, password_hash: "x", role: "learner" as const,
    created_at: new Date().toISOString(), login_name: null, suspended_at: null,
  }));
  for (let i = 0; i < rows.length; i += 100) await handle.db.insertInto("users").values(rows.slice(i, i + 100)).execute();
  return rows.map((r) => ({ id: r.id, role: "learner", displayName: r.display_name }));
}

describe.each(testEngines())("rate limits on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  const group = async (name = "Hall") => createCohort(handle, lead, { name, kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    lead = await createAccount(handle, { email: "lead@example.org", displayName: "Lead", password: PASSWORD, role: "facilitator" });
  });
  afterAll(async () => cleanup());
  afterEach(() => vi.useRealTimers());

  it("limits nickname joins per device, leaves other devices alone, and resets after the window", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { joinCode } = await group();
    const phone = device();
    for (let i = 0; i < LIMITS.nicknameJoinPerDevice.points; i++) await joinWithNickname(handle, nick(joinCode, i), phone);
    const refused = await joinWithNickname(handle, nick(joinCode), phone).catch((e: unknown) => e);
    expect(refused).toMatchObject(THROTTLED);
    // When to try again: the rest of the hour, in seconds, and said in the message.
    const retry = (refused as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
    expect(retry).toBeGreaterThan(59 * 60);
    expect(retry).toBeLessThanOrEqual(60 * 60);
    expect(refused).toMatchObject({ key: "rateLimit.tooManyAttempts", args: { minutes: 60 } });
    // The phone beside it, on the same Wi-Fi, is not affected.
    await expect(joinWithNickname(handle, nick(joinCode), device())).resolves.toMatchObject({ cohortName: "Hall" });
    await later(LIMITS.nicknameJoinPerDevice.duration * 1000 + 1000);
    await expect(joinWithNickname(handle, nick(joinCode), phone)).resolves.toMatchObject({ cohortName: "Hall" });
  });

  it("lets a hall of 200 phones behind one address join one group", async () => {
    const { joinCode, id } = await group("Big hall");
    for (let i = 0; i < 200; i++) await joinWithNickname(handle, nick(joinCode, i), device());
    const members = await handle.db.selectFrom("cohort_members").select((eb) => eb.fn.countAll<number>().as("n")).where("cohort_id", "=", id).executeTakeFirstOrThrow();
    expect(Number(members.n)).toBe(200);
  });

  it("limits nickname joins per address, whatever devices they claim to be", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const address = crypto.randomBytes(8).toString("hex");
    // Browsers without a device cookie (a script that drops it) count by address only.
    const fresh: Client = { device: null, address };
    const a = await group("Address A");
    const b = await group("Address B");
    const half = LIMITS.nicknameJoinPerAddress.points / 2;
    for (let i = 0; i < half; i++) await joinWithNickname(handle, nick(a.joinCode, i), fresh);
    for (let i = 0; i < half; i++) await joinWithNickname(handle, nick(b.joinCode, i), { device: crypto.randomUUID(), address });
    await expect(joinWithNickname(handle, nick(a.joinCode), fresh)).rejects.toMatchObject(THROTTLED);
    await expect(joinWithNickname(handle, nick(b.joinCode), elsewhere())).resolves.toBeDefined();
    await later(LIMITS.nicknameJoinPerAddress.duration * 1000 + 1000);
    await expect(joinWithNickname(handle, nick(a.joinCode), fresh)).resolves.toBeDefined();
  });

  it("limits new members per group (nickname and account alike); another group is unaffected", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const flooded = await group("Flooded");
    const quiet = await group("Quiet");
    const people = await learners(handle, LIMITS.joinPerGroup.points + 2);
    for (let i = 0; i < LIMITS.joinPerGroup.points - 1; i++) await joinCohort(handle, people[i], flooded.joinCode, elsewhere());
    await joinWithNickname(handle, nick(flooded.joinCode), elsewhere());
    await expect(joinWithNickname(handle, nick(flooded.joinCode), elsewhere())).rejects.toMatchObject(THROTTLED);
    await expect(joinCohort(handle, people.at(-1)!, flooded.joinCode, elsewhere())).rejects.toMatchObject(THROTTLED);
    // Joining again, already a member, is harmless and refused nothing.
    await expect(joinCohort(handle, people[0], flooded.joinCode, elsewhere())).resolves.toMatchObject({ cohortId: flooded.id });
    await expect(joinCohort(handle, people.at(-1)!, quiet.joinCode, elsewhere())).resolves.toMatchObject({ cohortId: quiet.id });
    await later(LIMITS.joinPerGroup.duration * 1000 + 1000);
    await expect(joinCohort(handle, people.at(-2)!, flooded.joinCode, elsewhere())).resolves.toMatchObject({ cohortId: flooded.id });
  });

  it("caps a group's nickname members", async () => {
    const { id, joinCode } = await group("Capped");
    const people = await learners(handle, NICKNAME_MEMBERS_MAX);
    const joinedAt = new Date().toISOString();
    for (let i = 0; i < people.length; i += 100) {
      await handle.db.insertInto("cohort_members").values(people.slice(i, i + 100).map((p) => ({ cohort_id: id, user_id: p.id, joined_at: joinedAt, pseudonymous: 1 }))).execute();
    }
    await expect(joinWithNickname(handle, nick(joinCode), elsewhere())).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a device that tried too many wrong codes, even with the right one, until the window ends", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { joinCode } = await group("Guessed");
    const guesser = elsewhere();
    for (let i = 0; i < LIMITS.codeMissPerDevice.points; i++) {
      await expect(joinWithNickname(handle, nick("ZZZZZZZZ"), guesser)).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(joinWithNickname(handle, nick(joinCode), guesser)).rejects.toMatchObject(THROTTLED);
    await expect(joinCohort(handle, (await learners(handle, 1))[0], joinCode, guesser)).rejects.toMatchObject(THROTTLED);
    await expect(joinWithNickname(handle, nick(joinCode), { device: crypto.randomUUID(), address: guesser.address })).resolves.toBeDefined();
    await later(LIMITS.codeMissPerDevice.duration * 1000 + 1000);
    await expect(joinWithNickname(handle, nick(joinCode), guesser)).resolves.toBeDefined();
  });

  it("limits sign-ups per device; another device is unaffected", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const laptop = elsewhere();
    const input = () => ({ email: `s-${crypto.randomUUID()}@example.org`, displayName: "S", password: PASSWORD, role: "learner" as const });
    for (let i = 0; i < LIMITS.signUpPerDevice.points; i++) await signUp(handle, input(), laptop);
    await expect(signUp(handle, input(), laptop)).rejects.toMatchObject(THROTTLED);
    await expect(signUp(handle, input(), { device: crypto.randomUUID(), address: laptop.address })).resolves.toBeDefined();
    await later(LIMITS.signUpPerDevice.duration * 1000 + 1000);
    await expect(signUp(handle, input(), laptop)).resolves.toBeDefined();
  });

  it("shares the counts between two app instances on the same database", async () => {
    // A second handle on the same database, as a second instance behind a load balancer has.
    const second =
      handle.store.kind === "sqlite"
        ? createDb({ kind: "sqlite", file: handle.store.database.name })
        : createDb({ kind: "postgres", url: process.env.TEST_DATABASE_URL!, schema: handle.schema });
    try {
      const { joinCode } = await group("Two instances");
      const phone = elsewhere();
      const n = LIMITS.nicknameJoinPerDevice.points;
      for (let i = 0; i < n; i++) await joinWithNickname(i % 2 ? second : handle, nick(joinCode, i), phone);
      await expect(joinWithNickname(second, nick(joinCode), phone)).rejects.toMatchObject(THROTTLED);
      await expect(joinWithNickname(handle, nick(joinCode), phone)).rejects.toMatchObject(THROTTLED);
    } finally {
      await second.close();
    }
  });

  it("stores no client key in the clear", async () => {
    const rows = await handle.db.selectFrom("rate_limits").select("key").execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^[a-zA-Z]+:/.test(r.key))).toBe(true);
  });
});
