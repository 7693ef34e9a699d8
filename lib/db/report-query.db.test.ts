// reportQuery: a report's queries get REPORT_WORK_MEM of sort/hash memory on PostgreSQL, for
// their own read-only transaction only; on SQLite they run on the handle as they are.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@/lib/testing/db";
import { REPORT_WORK_MEM, reportQuery, type Db } from "./client";

describe.each(testEngines())("reportQuery on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
  });
  afterAll(async () => cleanup());

  const workMem = async (db = handle.db) => (await sql<{ work_mem: string }>`show work_mem`.execute(db)).rows[0].work_mem;

  it("returns what the report's queries return", async () => {
    const rows = await reportQuery(handle, async (db) => (await sql<{ n: number }>`select 41 + 1 as n`.execute(db)).rows);
    expect(Number(rows[0].n)).toBe(42);
  });

  // SQLite has no work_mem and no read-only transactions: only the test above applies to it.
  if (engine.name === "postgres")
    it("raises work_mem inside the report only, and refuses writes there", async () => {
      const before = await workMem();
      expect(before).not.toBe(REPORT_WORK_MEM);
      expect(await reportQuery(handle, (db) => workMem(db))).toBe(REPORT_WORK_MEM);
      // Every pooled connection is back at the server's default afterwards.
      const after = await Promise.all(Array.from({ length: 12 }, () => workMem()));
      expect(new Set(after)).toEqual(new Set([before]));
      await expect(reportQuery(handle, (db) => sql`create table report_wrote (id int)`.execute(db))).rejects.toThrow(/read-only/);
    });
});
