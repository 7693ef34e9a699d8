// Migration 0006 on both engines: every "Your views" rating stored raw before randomised response
// is replaced by the mechanism's output for it (in id order, so a seeded run is predictable row
// by row), across more rows than one chunk; ids, cohorts and batches stay; it runs on start.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount } from "@/lib/auth/accounts";
import { createCohort } from "@/lib/cohorts/mutations";
import { KEEP, randomise } from "@/lib/attitudes/randomised-response";
import { seededFill } from "@/lib/attitudes/seeded-fill";
import { testEngines } from "@/lib/testing/db";
import { migration0006 } from "./0006-attitudes-randomised";

process.env.LOG_SILENT = "1";

describe.each(testEngines())("migration 0006 (attitudes randomised) on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let cohortId: string;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    const lead = await createAccount(handle, { email: "m@example.org", displayName: "M", password: "river lamp orchard", role: "facilitator" });
    ({ id: cohortId } = await createCohort(handle, lead, { name: "Old answers", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] }));
  });
  afterAll(async () => cleanup());

  /** Raw ratings as the app stored them before 0006: the learners' own. */
  async function storeRaw(count: number) {
    const rows = Array.from({ length: count }, (_, i) => ({ id: crypto.randomUUID(), cohort_id: cohortId, item_id: `item-${i % 5}`, form: "pre" as const, value: 1 + (i % 5), answered_on: "2026-01-05", batch: Math.floor(i / 25) }));
    for (let i = 0; i < rows.length; i += 200) await handle.db.insertInto("attitude_answers").values(rows.slice(i, i + 200)).execute();
    return rows;
  }

  it("is applied on start with the other migrations", async () => {
    const names = (await handle.db.selectFrom("kysely_migration" as never).select("name" as never).execute()).map((r) => (r as { name: string }).name);
    expect(names).toContain("0006-attitudes-randomised");
  });

  it("replaces every raw rating by the mechanism's output for it, and changes nothing else", async () => {
    const raw = await storeRaw(1300); // more than two chunks of 500
    // The database's own order of ids (PostgreSQL's collation may differ from JavaScript's).
    const order = (await handle.db.selectFrom("attitude_answers").select("id").orderBy("id").execute()).map((r) => r.id);
    await migration0006(engine.name, seededFill(6)).up(handle.db);

    // The same seed, the same order: what each row must now hold, row by row.
    const replay = seededFill(6);
    const byId = new Map<string, (typeof raw)[number]>(raw.map((r) => [r.id, r]));
    const expected = order.map((id) => ({ ...byId.get(id)!, value: randomise(byId.get(id)!.value, replay) }));
    const after = await handle.db.selectFrom("attitude_answers").selectAll().where("cohort_id", "=", cohortId).orderBy("id").execute();
    expect(after.map((r) => ({ ...r, value: Number(r.value), batch: Number(r.batch) }))).toEqual(expected);
    // About 3/7 keep their raw value (as any fresh answer would); the rest were changed.
    const kept = after.filter((r) => Number(r.value) === raw.find((x) => x.id === r.id)!.value).length / raw.length;
    expect(Math.abs(kept - KEEP)).toBeLessThan(4 * Math.sqrt((KEEP * (1 - KEEP)) / raw.length));
  });

  it("uses crypto.getRandomValues when no random source is given", async () => {
    await handle.db.deleteFrom("attitude_answers").execute();
    const raw = await storeRaw(700);
    await migration0006(engine.name).up(handle.db);
    const after = await handle.db.selectFrom("attitude_answers").select(["id", "value"]).execute();
    expect(after).toHaveLength(raw.length);
    const kept = after.filter((r) => Number(r.value) === raw.find((x) => x.id === r.id)!.value).length / raw.length;
    expect(Math.abs(kept - KEEP)).toBeLessThan(5 * Math.sqrt((KEEP * (1 - KEEP)) / raw.length));
  });
});
