// A plain sign-out revokes that session, on both engines (issue #19): the data-layer rule that
// currentUser and next-auth's JWT callback both apply (validSession).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { testEngines } from "@/lib/testing/db";
import { createAccount, endAllSessions, validSession } from "./accounts";
import { pruneRevokedSessions, revokeSession, SESSION_MAX_AGE_S } from "./revocation";

process.env.LOG_SILENT = "1";

describe.each(testEngines())("session revocation on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ handle, cleanup } = await engine.open()));
  afterAll(async () => cleanup());

  it("refuses a signed-out session and keeps the user's other sessions", async () => {
    const user = await createAccount(handle, { email: "two.phones@example.org", displayName: "T", password: "river lamp orchard" });
    const phone = { uid: user.id, sv: 0, sid: "11111111-1111-4111-8111-111111111111" };
    const laptop = { ...phone, sid: "22222222-2222-4222-8222-222222222222" };
    expect(await validSession(handle, phone)).toMatchObject({ id: user.id, revoked: false });
    await revokeSession(handle, phone.sid);
    expect(await validSession(handle, phone)).toBeUndefined();
    expect(await validSession(handle, laptop)).toMatchObject({ id: user.id });
    // Signing out twice (two tabs) is not an error.
    await revokeSession(handle, phone.sid);
    expect(await validSession(handle, phone)).toBeUndefined();
  });

  it("refuses a token without a session id, another version, or an unknown account", async () => {
    const user = await createAccount(handle, { email: "old.token@example.org", displayName: "O", password: "river lamp orchard" });
    const sid = "33333333-3333-4333-8333-333333333333";
    expect(await validSession(handle, { uid: user.id, sv: 0 })).toBeUndefined();
    expect(await validSession(handle, { uid: user.id, sv: 0, sid: "" })).toBeUndefined();
    expect(await validSession(handle, { uid: user.id, sv: "0", sid })).toBeUndefined();
    expect(await validSession(handle, { uid: "no-such-user", sv: 0, sid })).toBeUndefined();
    await endAllSessions(handle, user.id);
    expect(await validSession(handle, { uid: user.id, sv: 0, sid })).toBeUndefined();
    expect(await validSession(handle, { uid: user.id, sv: 1, sid })).toMatchObject({ id: user.id });
  });

  it("keeps a revocation for a whole session lifetime, then forgets it", async () => {
    const at = new Date("2026-03-01T12:00:00.000Z");
    await revokeSession(handle, "44444444-4444-4444-8444-444444444444", at);
    const rows = () => handle.db.selectFrom("revoked_sessions").selectAll().where("session_id", "=", "44444444-4444-4444-8444-444444444444").execute();
    expect(await rows()).toEqual([{ session_id: "44444444-4444-4444-8444-444444444444", expires_at: new Date(at.getTime() + SESSION_MAX_AGE_S * 1000).toISOString() }]);
    await pruneRevokedSessions(handle, new Date(at.getTime() + (SESSION_MAX_AGE_S - 60) * 1000));
    expect(await rows()).toHaveLength(1);
    await pruneRevokedSessions(handle, new Date(at.getTime() + (SESSION_MAX_AGE_S + 60) * 1000));
    expect(await rows()).toEqual([]);
  });
});
