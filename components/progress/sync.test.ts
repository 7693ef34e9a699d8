// A shared computer (issue #26): writes queued under one account are never sent under another's
// session. Signing in as someone else drops them; signing out first says how many would be lost,
// then leaves none behind.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { accountMarker } from "./account-marker";
import { indexedDbStore, openDatabase } from "./outbox-store";
import { fakeOrigin, signIn, stubPage, write, type Origin } from "./outbox-test-kit";

const signOut = vi.fn(async () => undefined);
vi.mock("next-auth/react", () => ({ signOut }));

async function stored(origin: Origin): Promise<string[]> {
  const db = await openDatabase(origin.indexedDB!);
  try {
    return (await indexedDbStore(db).list()).map((i) => i.id);
  } finally {
    db.close();
  }
}

async function load() {
  vi.resetModules();
  return { outbox: await import("./outbox"), sync: await import("./sync") };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  signOut.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("another account on the same browser", () => {
  it("signing in as B drops what A left waiting, unsent; a live phone's answer still goes", async () => {
    const origin = fakeOrigin({ locks: true });
    signIn(origin, "user-a");
    stubPage(origin);
    origin.server.online = false;
    const { outbox, sync } = await load();
    outbox.enqueue(write("a1"));
    outbox.enqueue(write("phone", "cookie"));
    await outbox.flush();
    expect(await stored(origin)).toEqual(["a1", "phone"]);

    // A walks away signed in; B signs in through the form (sign-in sets B's session cookie).
    origin.server.online = true;
    sync.beforeSignIn();
    origin.server.session = "user-b";
    await outbox.flush(); // a send in between (another tab): A's write does not go as B
    await sync.syncAfterSignIn("en");
    await outbox.flush();

    expect(origin.cookies.get("cg_account")).toBe(accountMarker("user-b"));
    expect(await stored(origin)).toEqual([]);
    expect(outbox.queuedItems()).toEqual([]);
    expect(origin.server.received.map((r) => [r.id, r.user])).toEqual([["phone", "user-b"]]);
  });

  it("signing out says how many answers could not be sent, then leaves none behind", async () => {
    const origin = fakeOrigin({ locks: true });
    signIn(origin, "user-a");
    stubPage(origin);
    origin.server.online = false;
    const { outbox, sync } = await load();
    outbox.enqueue(write("a1"));
    outbox.enqueue(write("a2"));
    expect(await sync.sendBeforeSignOut()).toBe(2);

    await sync.signOutHere("en");
    expect(signOut).toHaveBeenCalledWith({ callbackUrl: "/en" });
    expect(await stored(origin)).toEqual([]);
    expect(JSON.parse(origin.localStorage.getItem("common-ground:outbox:v1") ?? "[]")).toEqual([]);
    expect(origin.cookies.has("cg_account")).toBe(false);
    expect(origin.cookies.has("cg_signed_in")).toBe(false);

    // Back online, the next person's page sends nothing of them.
    origin.server.online = true;
    const next = await load();
    await next.outbox.flush();
    expect(origin.server.received).toEqual([]);
  });
});
