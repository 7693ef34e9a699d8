// Migration 0014 on both engines: assignments may have no due date. On SQLite the table is
// rebuilt, so this checks the rebuild keeps every row and both constraints (one assignment per
// activity in a group; deleting the group deletes its assignments). Run again on a migrated
// database, it must change nothing.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount } from "@/lib/auth/accounts";
import { createCohort } from "@/lib/cohorts/mutations";
import { testEngines } from "@/lib/testing/db";
import { migration0014 } from "./0014-assignment-optional-due";

process.env.LOG_SILENT = "1";

describe.each(testEngines())("migration 0014 (assignments without a due date) on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let cohortId: string;
  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    const lead = await createAccount(handle, { email: "m14@example.org", displayName: "M", password: "river lamp orchard", role: "facilitator" });
    // On the workshop plan: a class on the school plan starts with its plan's lessons set, and this test counts its own rows.
    ({ id: cohortId } = await createCohort(handle, lead, { name: "Old class", kind: "class", locale: "en", trackId: "workshop", coFacilitatorEmails: [] }));
  });
  afterAll(async () => cleanup());

  const row = (activity: string, due: string | null) => ({ id: crypto.randomUUID(), cohort_id: cohortId, activity_id: activity, due_at: due, created_at: "2026-01-05T10:00:00.000Z" });
  const all = () => handle.db.selectFrom("assignments").selectAll().orderBy("activity_id").execute();

  it("keeps every row and both constraints, and takes a row with no due date", async () => {
    const rows = [row("lesson-a", "2026-02-01T23:59:59.000Z"), row("lesson-b", "2026-03-01T23:59:59.000Z")];
    await handle.db.insertInto("assignments").values(rows).execute();
    await migration0014(engine.name).up(handle.db);
    expect(await all()).toEqual(rows);

    await handle.db.insertInto("assignments").values(row("lesson-c", null)).execute();
    expect((await all()).map((r) => r.due_at)).toEqual(["2026-02-01T23:59:59.000Z", "2026-03-01T23:59:59.000Z", null]);
    // Still one assignment per activity in a group.
    await expect(handle.db.insertInto("assignments").values(row("lesson-a", null)).execute()).rejects.toThrow();
    // Still deleted with its group.
    await handle.db.deleteFrom("cohorts").where("id", "=", cohortId).execute();
    expect(await all()).toEqual([]);
  });
});
