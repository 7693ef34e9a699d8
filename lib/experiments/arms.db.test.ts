// Random assignments on both engines: recorded once, balanced within a group, the learner's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { getCourseExperiments, getCourses } from "@/lib/content";
import { createCohort, joinCohort } from "@/lib/cohorts/mutations";
import { exportMyData } from "@/lib/account/export";
import { FORMS_EXPERIMENT } from "@/lib/quiz/experiments";
import { testEngines } from "@/lib/testing/db";
import { armFor, armsFor } from "./arms";

const PASSWORD = "river lamp orchard";
const course = getCourses("en")[0];

describe.each(testEngines())("experiment arms on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  let joinCode: string;
  const learner = (n: number) => createAccount(handle, { email: `arms-${n}@example.org`, displayName: `L${n}`, password: PASSWORD });

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    lead = await createAccount(handle, { email: "arms-lead@example.org", displayName: "Lead", password: PASSWORD, role: "facilitator" });
    ({ joinCode } = await createCohort(handle, lead, { name: "Arms hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] }));
  });
  afterAll(async () => cleanup());

  it("assigns every experiment of the course once, and gives the same arms on every later call", async () => {
    const me = await learner(1);
    const first = await armsFor(handle, me, "en", course.id);
    const experiments = getCourseExperiments("en", course.id);
    expect(Object.keys(first).sort()).toEqual(experiments.map((e) => e.id).sort());
    for (const e of experiments) expect(e.arms).toContain(first[e.id]);
    expect(await armsFor(handle, me, "en", course.id)).toEqual(first);
    expect(await armFor(handle, me, "en", course.id, FORMS_EXPERIMENT)).toBe(first[FORMS_EXPERIMENT]);
    const rows = await handle.db.selectFrom("experiment_arms").select("experiment").where("user_id", "=", me.id).execute();
    expect(rows).toHaveLength(experiments.length);
  });

  it("two concurrent first calls agree: one row per experiment", async () => {
    const me = await learner(2);
    const [a, b] = await Promise.all([armsFor(handle, me, "en", course.id), armsFor(handle, me, "en", course.id)]);
    expect(a).toEqual(b);
  });

  it("balances each experiment within a group: 10 joiners split 5 and 5", async () => {
    const members: SessionUser[] = [];
    for (let i = 0; i < 10; i++) {
      const m = await learner(100 + i);
      await joinCohort(handle, m, joinCode);
      members.push(m);
    }
    const arms: Record<string, string>[] = [];
    for (const m of members) arms.push(await armsFor(handle, m, "en", course.id));
    for (const e of getCourseExperiments("en", course.id)) {
      const counts = e.arms.map((arm) => arms.filter((a) => a[e.id] === arm).length);
      expect(counts, e.id).toEqual([5, 5]);
    }
  });

  it("refuses an experiment the course does not have", async () => {
    const me = await learner(3);
    await expect(armFor(handle, me, "en", course.id, "bias:no-such-pair")).rejects.toMatchObject({ code: "not_found" });
  });

  it("a learner's export lists their arms", async () => {
    const me = await learner(4);
    const arms = await armsFor(handle, me, "en", course.id);
    const data = await exportMyData(handle, me);
    expect(Object.fromEntries(data.experimentArms.map((r) => [r.experiment, r.arm]))).toEqual(arms);
  });
});
