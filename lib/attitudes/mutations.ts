// Storing "Your views" answers so that no one, facilitator or database reader, can tie them to a
// person, or learn one person's answer even by controlling every other answer in the group:
// - the ratings arrive already randomised by the learner's device (randomised-response.ts, local
//   differential privacy, epsilon = ln 3 per statement); the request must name that mechanism and
//   the server stores exactly what was sent, so it never holds a learner's own rating;
// - the answer rows hold no user id and no time of day (the date only), under random ids;
// - a separate row records only THAT the person answered a form in a cohort (one per person), with
//   no link to the answer rows;
// - the cohort comes from the learner's memberships on the server, never from the request;
// - answers are counted in batches of five submissions (attitude_batches), and reports include
//   only full batches, so a report can never change by one person's answers (see queries.ts).
//   Batches alone are not enough: a facilitator who answers for four nickname members of their
//   own can take their answers away from a batch's totals. Randomisation is what protects then.
// Limit: on PostgreSQL, rows are stored in the order they arrive, so someone with raw access to
// the database files could line up answers with submissions; SQLite stores the answers WITHOUT
// ROWID in random-id order. The app itself never reads them but as totals.
import "server-only";
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { AttitudeForm, Database } from "@/lib/db/schema";
import type { SessionUser } from "@/lib/auth/accounts";
import { getAttitudeItems } from "@/lib/content";
import { AppError } from "@/lib/errors";
import type { AttitudeSubmission } from "./inputs";

/** The smallest group whose answers are ever shown, and the size of a batch. */
export const ATTITUDE_MIN_GROUP = 5;

/** The open cohorts of this course the learner belongs to: where their views are counted. */
export async function memberCohorts(db: Kysely<Database>, userId: string, courseId: string) {
  return db
    .selectFrom("cohort_members as m")
    .innerJoin("cohorts as c", "c.id", "m.cohort_id")
    .select(["c.id", "c.locale", "c.course_id"])
    .where("m.user_id", "=", userId)
    .where("c.course_id", "=", courseId)
    .where("c.archived_at", "is", null)
    .execute();
}

/** The batch this submission joins: the latest one if it has room, else a new one. */
async function joinBatch(trx: Kysely<Database>, cohortId: string, form: AttitudeForm): Promise<number> {
  const last = await trx
    .selectFrom("attitude_batches")
    .select(["batch", "members"])
    .where("cohort_id", "=", cohortId)
    .where("form", "=", form)
    .orderBy("batch", "desc")
    .limit(1)
    .executeTakeFirst();
  if (last && Number(last.members) < ATTITUDE_MIN_GROUP) {
    await trx
      .updateTable("attitude_batches")
      .set((eb) => ({ members: eb("members", "+", 1) }))
      .where("cohort_id", "=", cohortId)
      .where("form", "=", form)
      .where("batch", "=", last.batch)
      .execute();
    return Number(last.batch);
  }
  const batch = last ? Number(last.batch) + 1 : 0;
  await trx.insertInto("attitude_batches").values({ cohort_id: cohortId, form, batch, members: 1 }).execute();
  return batch;
}

/**
 * Stores the learner's views for a check in every open cohort of the course they belong to.
 * Once per form and cohort: a retry of the same submission is acknowledged; another is refused.
 */
export async function submitAttitudes(handle: Db, actor: SessionUser, input: AttitudeSubmission): Promise<{ saved: true }> {
  const cohorts = await memberCohorts(handle.db, actor.id, input.courseId);
  if (cohorts.length === 0) {
    throw new AppError("forbidden", "attitudes.notInGroup");
  }
  for (const c of cohorts) {
    const known = new Set(getAttitudeItems(c.locale, c.course_id).map((i) => i.id));
    const unknown = input.answers.find((a) => !known.has(a.itemId));
    if (unknown) throw new AppError("bad_request", "attitudes.unknownStatement", { item: unknown.itemId }, { field: "answers" });
  }
  const answeredOn = new Date().toISOString().slice(0, 10);

  return writeTx(handle, async (trx) => {
    let stored = 0;
    let repeated = 0;
    for (const c of cohorts) {
      // One submission at a time per cohort, so batches fill to exactly five. SQLite's write
      // transaction is already exclusive; PostgreSQL locks the cohort's row.
      if (handle.kind === "postgres") await trx.selectFrom("cohorts").select("id").where("id", "=", c.id).forUpdate().execute();
      const existing = await trx
        .selectFrom("attitude_submissions")
        .select("submission_id")
        .where("cohort_id", "=", c.id)
        .where("user_id", "=", actor.id)
        .where("form", "=", input.form)
        .executeTakeFirst();
      if (existing) {
        if (existing.submission_id === input.submissionId) repeated++;
        continue;
      }
      const batch = await joinBatch(trx, c.id, input.form);
      await trx.insertInto("attitude_submissions").values({ cohort_id: c.id, user_id: actor.id, form: input.form, submission_id: input.submissionId }).execute();
      await trx
        .insertInto("attitude_answers")
        .values(input.answers.map((a) => ({ id: crypto.randomUUID(), cohort_id: c.id, item_id: a.itemId, form: input.form, value: a.value, answered_on: answeredOn, batch })))
        .execute();
      stored++;
    }
    if (stored === 0 && repeated === 0) {
      throw new AppError("conflict", "attitudes.alreadyShared");
    }
    // Not logged: a log line with the person and the time would undo the anonymity.
    return { saved: true as const };
  });
}
