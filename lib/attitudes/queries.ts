// Reading "Your views": whether a learner may still share theirs, and a cohort's totals for its
// facilitators. Totals come only from full batches of five submissions, and an item's totals for
// a check only when at least five answers are counted (SQL HAVING): below that the report says
// "hidden" without a number, so how many (fewer than five) have answered is not revealed either.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { AttitudeForm } from "@/lib/db/schema";
import type { SessionUser } from "@/lib/auth/accounts";
import { cohortFor } from "@/lib/cohorts/access";
import { getAttitudeItems } from "@/lib/content";
import { ATTITUDE_MIN_GROUP, memberCohorts } from "./mutations";
import type { AttitudeStatusQuery } from "./inputs";

export interface AttitudeStatus {
  /** In an open group of this course whose course asks for views: the section is shown. */
  eligible: boolean;
  /** Already shared for this check (in every such group). */
  answered: boolean;
}

export async function attitudeStatus(handle: Db, actor: SessionUser, query: AttitudeStatusQuery): Promise<AttitudeStatus> {
  const cohorts = (await memberCohorts(handle.db, actor.id, query.courseId)).filter((c) => getAttitudeItems(c.locale, c.course_id).length > 0);
  if (cohorts.length === 0) return { eligible: false, answered: false };
  const done = await handle.db
    .selectFrom("attitude_submissions")
    .select("cohort_id")
    .where("user_id", "=", actor.id)
    .where("form", "=", query.form)
    .where("cohort_id", "in", cohorts.map((c) => c.id))
    .execute();
  return { eligible: true, answered: done.length === cohorts.length };
}

/** Totals for one statement and check: counts of 1..5 and the mean, or hidden. */
export type AttitudeTotals = { hidden: true } | { hidden: false; n: number; counts: [number, number, number, number, number]; mean: number };

export interface AttitudeReportItem {
  itemId: string;
  statement: string;
  pre: AttitudeTotals;
  post: AttitudeTotals;
}

export interface AttitudeReport {
  minGroup: number;
  items: AttitudeReportItem[];
}

const HIDDEN: AttitudeTotals = { hidden: true };

/** A cohort's "Your views" totals, for whoever may read its reports (cohortFor). One query. */
export async function cohortAttitudes(handle: Db, actor: SessionUser, cohortId: string): Promise<AttitudeReport> {
  const cohort = await cohortFor(handle, actor, cohortId, "read");
  const items = getAttitudeItems(cohort.locale, cohort.course_id);
  const rows = await handle.db
    .selectFrom("attitude_answers as a")
    .innerJoin("attitude_batches as b", (j) => j.onRef("b.cohort_id", "=", "a.cohort_id").onRef("b.form", "=", "a.form").onRef("b.batch", "=", "a.batch"))
    .select((eb) => [
      "a.item_id",
      "a.form",
      eb.fn.countAll<number>().as("n"),
      ...([1, 2, 3, 4, 5] as const).map((v) => eb.fn.sum<number>(eb.case().when("a.value", "=", v).then(1).else(0).end()).as(`v${v}`)),
    ])
    .where("a.cohort_id", "=", cohortId)
    .where("b.members", ">=", ATTITUDE_MIN_GROUP)
    .groupBy(["a.item_id", "a.form"])
    .having((eb) => eb(eb.fn.countAll(), ">=", ATTITUDE_MIN_GROUP))
    .execute();
  const totals = new Map<string, AttitudeTotals>();
  for (const r of rows) {
    const row = r as typeof r & Record<`v${1 | 2 | 3 | 4 | 5}`, number | string>;
    const counts = [Number(row.v1), Number(row.v2), Number(row.v3), Number(row.v4), Number(row.v5)] as [number, number, number, number, number];
    const n = Number(r.n);
    const mean = counts.reduce((sum, c, i) => sum + c * (i + 1), 0) / n;
    totals.set(`${r.item_id}/${r.form}`, { hidden: false, n, counts, mean: Math.round(mean * 10) / 10 });
  }
  const of = (itemId: string, form: AttitudeForm) => totals.get(`${itemId}/${form}`) ?? HIDDEN;
  return {
    minGroup: ATTITUDE_MIN_GROUP,
    items: items.map((i) => ({ itemId: i.id, statement: i.statement, pre: of(i.id, "pre"), post: of(i.id, "post") })),
  };
}

/** For the learner's own data export: the checks they shared views for (not the answers, which are anonymous). */
export async function myAttitudeSubmissions(handle: Db, actor: SessionUser) {
  const rows = await handle.db
    .selectFrom("attitude_submissions as s")
    .innerJoin("cohorts as c", "c.id", "s.cohort_id")
    .select(["c.name", "s.form"])
    .where("s.user_id", "=", actor.id)
    .orderBy("c.name")
    .orderBy("s.form", "desc")
    .execute();
  return rows.map((r) => ({ group: r.name, check: r.form }));
}
