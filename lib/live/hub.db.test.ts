// Two app instances on one PostgreSQL: a facilitator's step taken through instance A reaches a
// phone listening on instance B, through LISTEN/NOTIFY on each instance's dedicated connection.
// Each "instance" is a database handle of its own (its own pool and its own listening connection).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/auth/accounts";
import { createDb, type Db } from "@/lib/db/client";
import { getCourses } from "@/lib/content";
import { testEngines } from "@/lib/testing/db";
import { sql } from "kysely";
import { channelOf, hubFor, type HubEvent } from "./hub";
import { controlLiveSession, createLiveSession } from "./store";

process.env.LOG_SILENT = "1";

const postgres = testEngines().find((e) => e.name === "postgres");

/** The first event a hub delivers for a session, or a rejection after a generous wait. */
function nextEvent(handle: Db, sessionId: string): Promise<HubEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no event arrived")), 5000);
    const stop = hubFor(handle).subscribe(sessionId, (e) => {
      clearTimeout(timer);
      stop();
      resolve(e);
    });
  });
}

describe.skipIf(!postgres)("live hub across instances on PostgreSQL", () => {
  let a: Db;
  let b: Db;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await postgres!.open();
    a = opened.handle;
    cleanup = opened.cleanup;
    b = createDb({ kind: "postgres", url: process.env.TEST_DATABASE_URL!, schema: a.schema });
  });
  afterAll(async () => {
    await hubFor(b).close();
    await hubFor(a).close();
    await b.close();
    await cleanup();
  });

  it("delivers a notify from one hub to a listener on another", async () => {
    const arrived = nextEvent(b, "session-1");
    await hubFor(b).ready();
    await hubFor(a).publishState("session-1", 42);
    await expect(arrived).resolves.toEqual({ sessionId: "session-1", seq: 42, kind: "state" });
  });

  it("comes back after its listening connection is cut, telling every stream to re-read", async () => {
    await hubFor(b).ready();
    const resync = nextEvent(b, "session-2");
    const channel = channelOf(b.schema);
    await a.db.executeQuery(sql`select pg_terminate_backend(pid) from pg_stat_activity where query = ${`LISTEN ${channel}`} and pid <> pg_backend_pid()`.compile(a.db));
    await expect(resync).resolves.toMatchObject({ sessionId: "session-2", kind: "resync" });
    const arrived = nextEvent(b, "session-2");
    await hubFor(a).publishState("session-2", 5);
    await expect(arrived).resolves.toEqual({ sessionId: "session-2", seq: 5, kind: "state" });
  });

  it("carries a facilitator's step from instance A to a phone's stream on instance B", async () => {
    const fay = await createAccount(a, { email: "fay-hub@example.org", displayName: "Fay", password: "river lamp orchard", role: "facilitator" });
    const session = await createLiveSession(a, fay, { locale: "en", courseId: getCourses("en")[0].id, trackId: "workshop" });
    const arrived = nextEvent(b, session.id);
    await hubFor(b).ready();
    const { seq } = await controlLiveSession(a, fay, session.id, { type: "start" });
    await expect(arrived).resolves.toEqual({ sessionId: session.id, seq, kind: "state" });
    // The data comes from the database, which both instances share.
    const row = await b.db.selectFrom("live_sessions").select("seq").where("id", "=", session.id).executeTakeFirstOrThrow();
    expect(Number(row.seq)).toBe(seq);
  });
});
