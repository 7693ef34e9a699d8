// The SQLite client keeps prepared statements (lib/db/client.ts keepingStatements): a kept
// statement must behave exactly like a fresh one.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTempSqlite } from "@/lib/testing/db";
import type { Db } from "./client";

describe("SQLite client with kept statements", () => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, cleanup } = openTempSqlite());
    await sql`create table items (id integer primary key, name text not null)`.execute(handle.db);
    await sql`insert into items (name) values ('a'), ('b'), ('c')`.execute(handle.db);
  });
  afterAll(async () => cleanup());

  const names = (minId: number) => sql<{ name: string }>`select name from items where id >= ${minId} order by id`;

  it("gives each run of a repeated query its own parameters and rows", async () => {
    expect((await names(1).execute(handle.db)).rows.map((r) => r.name)).toEqual(["a", "b", "c"]);
    expect((await names(3).execute(handle.db)).rows.map((r) => r.name)).toEqual(["c"]);
    expect((await names(2).execute(handle.db)).rows.map((r) => r.name)).toEqual(["b", "c"]);
  });

  it("runs a query again after a stream of it was left half-read", async () => {
    const query = handle.db.selectFrom("items" as never).select(sql<string>`name`.as("name")).orderBy(sql`id`);
    for await (const row of query.stream()) {
      expect((row as { name: string }).name).toBe("a");
      break; // the stream's statement is reset, not left busy
    }
    expect((await query.execute()).map((r) => (r as { name: string }).name)).toEqual(["a", "b", "c"]);
    const streamed: string[] = [];
    for await (const row of query.stream()) streamed.push((row as { name: string }).name);
    expect(streamed).toEqual(["a", "b", "c"]);
  });

  it("sees a schema change made after the statement was first prepared", async () => {
    const all = () => sql<Record<string, unknown>>`select * from items where id = ${1}`.execute(handle.db);
    expect(Object.keys((await all()).rows[0])).toEqual(["id", "name"]);
    await sql`alter table items add column note text not null default 'n'`.execute(handle.db);
    expect((await all()).rows[0]).toEqual({ id: 1, name: "a", note: "n" });
  });
});
