// Reading "Your views": whether a learner may still share theirs, and a cohort's estimates for its
// facilitators. The stored ratings are randomised on each device (randomised-response.ts), so the
// report shows debiased estimates with 95% intervals, never the counts, which would read as
// people. Estimates come only from full batches of five submissions, and a statement's only when
// at least five answers are counted (SQL HAVING): below that the report says "hidden" without a
// number, so how many (fewer than five) have answered is not revealed either.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { cohortFor } from "@/lib/cohorts/access";
import { getAttitudeItems } from "@/lib/content";
import { ATTITUDE_MIN_GROUP, memberCohorts } from "./mutations";
import type { AttitudeStatusQuery } from "./inputs";
import {
  EPSILON,
  MECHANISM,
  USEFUL_HALF_WIDTH,
  answersNeeded,
  estimateMean,
  estimateShare,
  estimateShareChange,
  type ChangeVerdict,
  type Counts,
  type Interval,
} from "./randomised-response";

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

/**
 * One statement at one check: the estimated share agreeing (0..1) and mean rating (1..5) of the
 * group, each with its 95% interval, and how many answers they rest on; or hidden. `rough` says
 * the share's interval may be wider than +/- USEFUL_HALF_WIDTH (fewer than answersNeeded).
 */
export type AttitudeEstimate = { hidden: true } | { hidden: false; n: number; agree: Interval; mean: Interval; rough: boolean };

/** Final check minus starting check in the share agreeing; "unclear" when its interval holds 0. */
export type AttitudeChange = Interval & { verdict: ChangeVerdict };

export interface AttitudeReportItem {
  itemId: string;
  statement: string;
  pre: AttitudeEstimate;
  post: AttitudeEstimate;
  /** Only when both checks are shown. */
  change: AttitudeChange | null;
}

export interface AttitudeReport {
  minGroup: number;
  mechanism: typeof MECHANISM;
  /** Per statement and check: ln 3. */
  epsilon: number;
  /** Answers for the share's 95% interval to be within +/- usefulHalfWidth, whatever the group thinks. */
  answersNeeded: number;
  usefulHalfWidth: number;
  items: AttitudeReportItem[];
}

const HIDDEN = { hidden: true } as const;
// Intervals are rounded outwards, so rounding never makes them claim more than they know.
const rounded = (i: Interval, places: number): Interval => {
  const f = 10 ** places;
  return { estimate: Math.round(i.estimate * f) / f, low: Math.floor(i.low * f + 1e-9) / f, high: Math.ceil(i.high * f - 1e-9) / f };
};

/** A cohort's "Your views" estimates, for whoever may read its reports (cohortFor). One query. */
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
  const counts = new Map<string, Counts>();
  for (const r of rows) {
    const row = r as typeof r & Record<`v${1 | 2 | 3 | 4 | 5}`, number | string>;
    counts.set(`${r.item_id}/${r.form}`, [Number(row.v1), Number(row.v2), Number(row.v3), Number(row.v4), Number(row.v5)]);
  }
  const needed = answersNeeded();
  const estimate = (c: Counts | undefined): AttitudeEstimate => {
    if (!c) return HIDDEN;
    const n = c.reduce((a, b) => a + b, 0);
    return { hidden: false, n, agree: rounded(estimateShare(c), 2), mean: rounded(estimateMean(c), 1), rough: n < needed };
  };
  return {
    minGroup: ATTITUDE_MIN_GROUP,
    mechanism: MECHANISM,
    epsilon: EPSILON,
    answersNeeded: needed,
    usefulHalfWidth: USEFUL_HALF_WIDTH,
    items: items.map((i) => {
      const pre = counts.get(`${i.id}/pre`);
      const post = counts.get(`${i.id}/post`);
      const change = pre && post ? estimateShareChange(pre, post) : null;
      return {
        itemId: i.id,
        statement: i.statement,
        pre: estimate(pre),
        post: estimate(post),
        change: change && { ...rounded(change, 2), verdict: change.verdict },
      };
    }),
  };
}
