// Changing one's password, on both engines: the current password is checked (under the sign-in
// throttle), the new one meets the sign-up policy, success ends every session of the account,
// and nickname-only accounts have no password to change.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { testEngines } from "@/lib/testing/db";
import { createCohort, joinWithNickname } from "@/lib/cohorts/mutations";
import { authenticate, createAccount, loadSessionState, validSession } from "./accounts";
import { changePassword, hasOwnPassword } from "./password-change";
import { THROTTLE } from "./throttle";

process.env.LOG_SILENT = "1";

const PASSWORD = "river lamp orchard";
const NEW_PASSWORD = "copper kettle morning";

// Each test hashes a few passwords (argon2, tens of ms each on an idle machine; more on a busy one).
describe.each(testEngines())("password change on $name", { timeout: 30_000 }, (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ handle, cleanup } = await engine.open()));
  afterAll(async () => cleanup());

  const account = async (name = "Pat") => {
    const email = `change-${crypto.randomUUID()}@example.org`;
    return { email, user: await createAccount(handle, { email, displayName: name, password: PASSWORD }) };
  };
  const hashOf = async (id: string) => (await handle.db.selectFrom("users").select("password_hash").where("id", "=", id).executeTakeFirstOrThrow()).password_hash;

  it("refuses a wrong current password beside that field, and changes nothing", async () => {
    const { email, user } = await account();
    const before = await hashOf(user.id);
    await expect(changePassword(handle, user, { currentPassword: "not my password", newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: "forbidden",
      details: { field: "currentPassword" },
    });
    expect(await hashOf(user.id)).toBe(before);
    expect((await loadSessionState(handle, user.id))?.sessionVersion).toBe(0);
    expect(await authenticate(handle, email, PASSWORD, null)).toMatchObject({ ok: true });
  });

  it("refuses a weak new password, or the current one again, beside the new password field", async () => {
    const { user } = await account("Morgan");
    for (const weak of ["short", "password123", "morgan12", "aaaaaaaaaa"]) {
      await expect(changePassword(handle, user, { currentPassword: PASSWORD, newPassword: weak })).rejects.toMatchObject({ code: "bad_request", details: { field: "newPassword" } });
    }
    await expect(changePassword(handle, user, { currentPassword: PASSWORD, newPassword: PASSWORD })).rejects.toMatchObject({ code: "bad_request", details: { field: "newPassword" } });
    expect((await loadSessionState(handle, user.id))?.sessionVersion).toBe(0);
  });

  it("changes the password and ends every session of the account, this one included", async () => {
    const { email, user } = await account();
    const phone = { uid: user.id, sv: 0, sid: crypto.randomUUID() };
    const laptop = { uid: user.id, sv: 0, sid: crypto.randomUUID() };
    expect(await validSession(handle, phone)).toBeDefined();

    await expect(changePassword(handle, user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).resolves.toEqual({ signInName: email });

    expect((await loadSessionState(handle, user.id))?.sessionVersion).toBe(1);
    expect(await validSession(handle, phone)).toBeUndefined();
    expect(await validSession(handle, laptop)).toBeUndefined();
    expect(await authenticate(handle, email, PASSWORD, null)).toMatchObject({ ok: false, reason: "invalid" });
    // Signing in again with the new password gives a session of the new version (the page does this).
    const again = await authenticate(handle, email, NEW_PASSWORD, null);
    expect(again).toMatchObject({ ok: true, user: { id: user.id, sessionVersion: 1 } });
    expect(await validSession(handle, { uid: user.id, sv: 1, sid: crypto.randomUUID() })).toMatchObject({ id: user.id });
  });

  it("counts wrong current passwords against the sign-in throttle, then refuses unchecked", async () => {
    const { email, user } = await account();
    for (let i = 0; i < THROTTLE.freeFailures; i++) {
      await expect(changePassword(handle, user, { currentPassword: "not my password", newPassword: NEW_PASSWORD })).rejects.toMatchObject({ code: "forbidden" });
    }
    const refused = await changePassword(handle, user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "throttled", status: 429, details: { field: "currentPassword" } });
    expect(await authenticate(handle, email, PASSWORD, null)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await loadSessionState(handle, user.id))?.sessionVersion).toBe(0);
  });

  it("offers nothing to a nickname-only learner, and refuses the change", async () => {
    const { user: lead } = await account("Lead");
    await handle.db.updateTable("users").set({ role: "facilitator" }).where("id", "=", lead.id).execute();
    const { joinCode } = await createCohort(handle, { ...lead, role: "facilitator" }, { name: "Hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    const nick = await joinWithNickname(handle, { code: joinCode, nickname: "Blue Kite" });
    const learner = { id: nick.userId, role: "learner" as const, displayName: "Blue Kite" };
    expect(await hasOwnPassword(handle, learner)).toBe(false);
    expect(await hasOwnPassword(handle, lead)).toBe(true);
    await expect(changePassword(handle, learner, { currentPassword: nick.passphrase, newPassword: NEW_PASSWORD })).rejects.toMatchObject({ code: "forbidden" });
    expect(await authenticate(handle, nick.loginName, nick.passphrase, null)).toMatchObject({ ok: true });
  });
});
