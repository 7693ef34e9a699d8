// writeTx on SQLite commits concurrent writes in groups: each write stays atomic and alone in its
// failure, and every write that resolved is stored.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTempSqlite } from "@/lib/testing/db";
import { writeTx, type Db } from "./client";

describe("writeTx group commit on SQLite", () => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, cleanup } = openTempSqlite());
    await sql`create table notes (id integer primary key, body text not null)`.execute(handle.db);
    // A foreign key checked only at COMMIT: a write into tags can make its group's COMMIT fail.
    await sql`create table tags (id integer primary key, note integer references notes(id) deferrable initially deferred)`.execute(handle.db);
  });
  afterAll(async () => cleanup());

  /** Lets the event loop turn once, so a group that was waiting for it has started. */
  const nextTurn = () => new Promise<void>((r) => setImmediate(r));
  const bodies = async () => (await sql<{ body: string }>`select body from notes order by id`.execute(handle.db)).rows.map((r) => r.body);

  it("runs writes that arrive together, keeps each one atomic, and fails only the one that throws", async () => {
    // A first write holds the connection, so the twenty that follow wait and commit as one group.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = writeTx(handle, async () => held);
    await nextTurn(); // the first write's group has started, alone
    const writes = Array.from({ length: 20 }, (_, i) =>
      writeTx(handle, async (trx) => {
        await sql`insert into notes (body) values (${`first ${i}`})`.execute(trx);
        await sql`insert into notes (body) values (${`second ${i}`})`.execute(trx);
        if (i % 7 === 3) throw new Error(`write ${i} refuses`);
        return i;
      }),
    );
    release();
    await first;
    const outcomes = await Promise.allSettled(writes);
    const failed = outcomes.flatMap((o, i) => (o.status === "rejected" ? [i] : []));
    expect(failed).toEqual([3, 10, 17]);
    for (const i of failed) expect((outcomes[i] as PromiseRejectedResult).reason).toMatchObject({ message: `write ${i} refuses` });
    const stored = await bodies();
    // Both rows of every write that resolved, neither row of one that failed, in arrival order.
    const expected = Array.from({ length: 20 }, (_, i) => i).filter((i) => !failed.includes(i)).flatMap((i) => [`first ${i}`, `second ${i}`]);
    expect(stored).toEqual(expected);
    expect(outcomes.filter((o) => o.status === "fulfilled").map((o) => (o as PromiseFulfilledResult<number>).value)).toEqual(expected.filter((_, k) => k % 2 === 0).map((b) => Number(b.split(" ")[1])));
  });

  it("a later write sees an earlier one of the same group, as if they ran one after another", async () => {
    await sql`delete from notes`.execute(handle.db);
    const [a, b] = await Promise.all([
      writeTx(handle, async (trx) => sql`insert into notes (body) values ('a')`.execute(trx)),
      writeTx(handle, async (trx) => (await sql<{ n: number }>`select count(*) as n from notes where body = 'a'`.execute(trx)).rows[0].n),
    ]);
    expect(a).toBeDefined();
    expect(Number(b)).toBe(1);
  });

  it("when the COMMIT fails, every write of its group rejects and nothing of the group is kept", async () => {
    await sql`delete from notes`.execute(handle.db);
    // tags.note is checked only at COMMIT: the group's COMMIT fails, not the statement.
    // Hold the connection with a first write, so the next two wait and then run as one group.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = writeTx(handle, async (trx) => {
      await sql`insert into notes (body) values ('first')`.execute(trx);
      await held;
    });
    await nextTurn();
    const group = [
      writeTx(handle, async (trx) => sql`insert into notes (body) values ('in the group')`.execute(trx)),
      writeTx(handle, async (trx) => sql`insert into tags (note) values (999999)`.execute(trx)),
    ];
    release();
    await first;
    const outcomes = await Promise.allSettled(group);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/i);
    expect(await bodies()).toEqual(["first"]);
    // The handle works afterwards.
    await writeTx(handle, async (trx) => sql`insert into notes (body) values ('after')`.execute(trx));
    expect(await bodies()).toEqual(["first", "after"]);
  });

  it("writes started in the same turn of the event loop share one COMMIT, even with no group running", async () => {
    await sql`delete from tags`.execute(handle.db);
    await sql`delete from notes`.execute(handle.db);
    // Nothing holds the connection. The deferred foreign key fails the shared COMMIT, so the valid
    // write started just before in the same turn rejects with it: it was in the same transaction.
    const together = [
      writeTx(handle, async (trx) => sql`insert into notes (body) values ('same turn')`.execute(trx)),
      writeTx(handle, async (trx) => sql`insert into tags (note) values (999999)`.execute(trx)),
    ];
    const outcomes = await Promise.allSettled(together);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect(await bodies()).toEqual([]);
    // A write started in a later turn is in a transaction of its own.
    const alone = writeTx(handle, async (trx) => sql`insert into notes (body) values ('alone')`.execute(trx));
    await nextTurn();
    const failing = writeTx(handle, async (trx) => sql`insert into tags (note) values (999999)`.execute(trx));
    await expect(alone).resolves.toBeDefined();
    await expect(failing).rejects.toThrow(/FOREIGN KEY/i);
    expect(await bodies()).toEqual(["alone"]);
  });
});
