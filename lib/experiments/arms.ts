// A learner's arms in the course's experiments (lib/quiz/experiments.ts): drawn at random the
// first time they are needed, recorded in experiment_arms, and never changed. Within the learner's
// group for the course the draw is balanced (chooseArm), so half of a group takes each form order
// and each version of a pair. Only the learner's own rows are read or written here; reports read
// arms in aggregate (lib/cohorts).
import "server-only";
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import { getCourseExperiments } from "@/lib/content";
import { AppError } from "@/lib/errors";
import { chooseArm, type Experiment } from "@/lib/quiz/experiments";
import type { SessionUser } from "@/lib/auth/accounts";

export type Arms = Record<string, string>;

const randomIndex = (n: number) => crypto.randomInt(n);

/**
 * The learner's arm in every experiment of the course, assigning any that are missing (one
 * transaction). `only` limits it to some experiments (the answer path needs one).
 */
export async function armsFor(handle: Db, actor: SessionUser, locale: string, courseId: string, only?: readonly string[]): Promise<Arms> {
  const all = getCourseExperiments(locale, courseId);
  const wanted = only ? all.filter((e) => only.includes(e.id)) : all;
  if (only && wanted.length < only.length) throw new AppError("not_found", "content.noExperiment");
  if (wanted.length === 0) return {};
  const mine = await readArms(handle.db, actor.id, courseId);
  if (wanted.every((e) => isValid(e, mine[e.id]))) return pick(mine, wanted);

  return writeTx(handle, async (trx) => {
    const held = await readArms(trx, actor.id, courseId);
    const missing = wanted.filter((e) => !isValid(e, held[e.id]));
    if (missing.length > 0) {
      const counts = await groupCounts(trx, actor.id, courseId, missing);
      const at = new Date().toISOString();
      await trx
        .insertInto("experiment_arms")
        .values(missing.map((e) => ({ user_id: actor.id, course_id: courseId, experiment: e.id, arm: chooseArm(e.arms, counts.get(e.id) ?? new Map(), randomIndex), assigned_at: at })))
        // A concurrent request of the same learner got there first: its arm stands.
        .onConflict((oc) => oc.columns(["user_id", "course_id", "experiment"]).doNothing())
        .execute();
    }
    return pick(await readArms(trx, actor.id, courseId), wanted);
  });
}

/** One experiment's arm (assigned if missing): what the answer path grades or checks against. */
export async function armFor(handle: Db, actor: SessionUser, locale: string, courseId: string, experiment: string): Promise<string> {
  return (await armsFor(handle, actor, locale, courseId, [experiment]))[experiment];
}

/**
 * One experiment's arm as already recorded, or undefined: never assigns. The answer path reads
 * it this way, so a refused answer writes nothing (the check's page asked for the arms first).
 */
export async function recordedArm(handle: Db, actor: SessionUser, courseId: string, experiment: string): Promise<string | undefined> {
  return (await readArms(handle.db, actor.id, courseId))[experiment];
}

function isValid(e: Experiment, arm: string | undefined): boolean {
  return arm !== undefined && e.arms.includes(arm);
}

function pick(arms: Arms, wanted: readonly Experiment[]): Arms {
  return Object.fromEntries(wanted.flatMap((e) => (arms[e.id] === undefined ? [] : [[e.id, arms[e.id]]])));
}

async function readArms(db: Kysely<Database>, userId: string, courseId: string): Promise<Arms> {
  const rows = await db.selectFrom("experiment_arms").select(["experiment", "arm"]).where("user_id", "=", userId).where("course_id", "=", courseId).execute();
  return Object.fromEntries(rows.map((r) => [r.experiment, r.arm]));
}

/**
 * How many members of the learner's group for this course (the one they joined last, if any)
 * hold each arm of each experiment: one grouped query.
 */
async function groupCounts(db: Kysely<Database>, userId: string, courseId: string, experiments: readonly Experiment[]): Promise<Map<string, Map<string, number>>> {
  const counts = new Map<string, Map<string, number>>();
  const group = await db
    .selectFrom("cohort_members as m")
    .innerJoin("cohorts as c", "c.id", "m.cohort_id")
    .select("c.id")
    .where("m.user_id", "=", userId)
    .where("c.course_id", "=", courseId)
    .orderBy("m.joined_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!group) return counts;
  const rows = await db
    .selectFrom("cohort_members as m")
    .innerJoin("experiment_arms as e", "e.user_id", "m.user_id")
    .select(["e.experiment", "e.arm", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("m.cohort_id", "=", group.id)
    .where("e.course_id", "=", courseId)
    .where("e.experiment", "in", experiments.map((e) => e.id))
    .groupBy(["e.experiment", "e.arm"])
    .execute();
  for (const r of rows) {
    const m = counts.get(r.experiment) ?? new Map<string, number>();
    m.set(r.arm, Number(r.n));
    counts.set(r.experiment, m);
  }
  return counts;
}
