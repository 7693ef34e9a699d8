// The hall import (issue #26): a hall laptop's export of a group (lib/hall/export.ts) added to the
// same group on the organisation's server, by its owner or a co-owner, in one transaction: all of
// it or nothing. Run first as a preview (what it would add, then rolled back) that the facilitator
// confirms. Without duplicates, whatever the number of imports:
// - the hall group is tied to this group at its first import (hall_groups): a file of the same
//   hall group is refused for any other group;
// - each hall learner gets a nickname account here, once (hall_learners maps the hall id to it),
//   joined to the group; it has no usable passphrase until the facilitator sets one (the group
//   page's "new passphrase"), since none is carried;
// - attempts and answers keep their ids (the clients' UUIDs); lesson completions and experiment
//   arms their natural keys. Rows already here are left alone, so a second import adds nothing.
// Records attach only to accounts made by imports into this group: an id that belongs to anyone
// else here refuses the whole file (an edited file could otherwise reach another person's record).
import "server-only";
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import type { SessionUser } from "@/lib/auth/accounts";
import { cohortFor } from "@/lib/cohorts/access";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { NICKNAME_MEMBERS_MAX } from "@/lib/ratelimit/limits";
import { hallExportSchema, type HallExport, type HallImportSummary } from "./format";

/** Never a valid argon2 hash: nobody signs in with it until the facilitator sets a passphrase. */
export const NO_PASSPHRASE = "!hall-import: set a passphrase from the group page";
/** Rows per INSERT and ids per IN list: well inside both engines' limits on bound values. */
const CHUNK = 200;

class Preview {
  constructor(readonly summary: HallImportSummary) {}
}

const chunks = <T>(list: readonly T[]): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));
const inserted = (results: { numInsertedOrUpdatedRows?: bigint }[]) => results.reduce((n, r) => n + Number(r.numInsertedOrUpdatedRows ?? 0), 0);

/** Validates the file (or says it is not a hall export), then adds it, or with confirm=false only counts what it would add. */
export async function importHallGroup(handle: Db, actor: SessionUser, cohortId: string, raw: unknown, confirm: boolean): Promise<HallImportSummary> {
  const cohort = await cohortFor(handle, actor, cohortId, "manage");
  const parsed = hallExportSchema.safeParse(raw);
  if (!parsed.success) {
    log("hall.import_refused", { cohortId, reason: parsed.error.issues[0]?.path.slice(0, 2).join(".") || "format" });
    throw new AppError("bad_request", "hall.badFile");
  }
  const file = parsed.data;
  if (file.group.courseId !== cohort.course_id) throw new AppError("conflict", "hall.otherCourse");
  if (file.group.id === cohort.id) throw new AppError("conflict", "hall.sameGroup");
  try {
    const summary = await writeTx(handle, async (trx) => {
      // One import of a group at a time on PostgreSQL (SQLite's write lock does this already).
      if (handle.kind === "postgres") await trx.selectFrom("cohorts").select("id").where("id", "=", cohort.id).forUpdate().execute();
      const result = await apply(trx, cohort.id, file, confirm);
      if (!confirm) throw new Preview(result);
      return result;
    });
    log("hall.imported", { cohortId, by: actor.id, learners: summary.learners.added, answers: summary.responses.added });
    return summary;
  } catch (e) {
    if (e instanceof Preview) return e.summary;
    throw e;
  }
}

async function apply(trx: Kysely<Database>, cohortId: string, file: HallExport, confirm: boolean): Promise<HallImportSummary> {
  const link = await trx.selectFrom("hall_groups").select("cohort_id").where("hall_cohort_id", "=", file.group.id).executeTakeFirst();
  if (link && link.cohort_id !== cohortId) throw new AppError("conflict", "hall.otherGroup");
  if (!link) await trx.insertInto("hall_groups").values({ hall_cohort_id: file.group.id, cohort_id: cohortId, imported_at: new Date().toISOString() }).execute();

  const userOf = await learners(trx, cohortId, file);
  const summary: HallImportSummary = {
    hallGroup: { name: file.group.name, exportedAt: file.exportedAt },
    preview: !confirm,
    learners: { added: userOf.added, known: file.learners.length - userOf.added },
    completions: { added: 0, known: 0 },
    attempts: { added: 0, known: 0 },
    responses: { added: 0, known: 0 },
  };
  const to = (hallId: string) => userOf.map.get(hallId)!;

  const completions = await Promise.all(
    chunks(file.completions).map((rows) =>
      trx
        .insertInto("lesson_completions")
        .values(rows.map((c) => ({ user_id: to(c.userId), course_id: c.courseId, lesson_id: c.lessonId, completed_at: c.completedAt, locale: c.locale })))
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    ),
  );
  summary.completions.added = inserted(completions);
  summary.completions.known = file.completions.length - summary.completions.added;

  // Attempts: one already here must be this learner's (imported before); an open one is finished
  // when the file has it finished (the hall exported it mid-way the first time).
  const existing = await ownersOf(trx, "quiz_attempts", file.attempts.map((a) => a.id));
  const fresh = file.attempts.filter((a) => {
    const owner = existing.get(a.id);
    if (owner !== undefined && owner !== to(a.userId)) throw new AppError("conflict", "hall.idTaken");
    return owner === undefined;
  });
  for (const rows of chunks(fresh)) {
    await trx
      .insertInto("quiz_attempts")
      .values(
        rows.map((a) => ({
          id: a.id,
          user_id: to(a.userId),
          course_id: a.courseId,
          lesson_id: a.lessonId,
          quiz_id: a.quizId,
          started_at: a.startedAt,
          finished_at: a.finishedAt,
          score: a.score,
          source: a.source,
          content_version: a.contentVersion,
          answer_summary: a.answerSummary,
          locale: a.locale,
        })),
      )
      .execute();
  }
  for (const a of file.attempts) {
    if (existing.has(a.id) && a.finishedAt) {
      await trx
        .updateTable("quiz_attempts")
        .set({ finished_at: a.finishedAt, score: a.score, answer_summary: a.answerSummary })
        .where("id", "=", a.id)
        .where("user_id", "=", to(a.userId))
        .where("finished_at", "is", null)
        .execute();
    }
  }
  summary.attempts = { added: fresh.length, known: file.attempts.length - fresh.length };

  const answered = await ownersOf(trx, "quiz_responses", file.responses.map((r) => r.id));
  const newAnswers = file.responses.filter((r) => {
    const owner = answered.get(r.id);
    if (owner !== undefined && owner !== to(r.userId)) throw new AppError("conflict", "hall.idTaken");
    return owner === undefined;
  });
  const responses = [];
  for (const rows of chunks(newAnswers)) {
    responses.push(
      await trx
        .insertInto("quiz_responses")
        .values(
          rows.map((r) => ({
            id: r.id,
            attempt_id: r.attemptId,
            user_id: to(r.userId),
            question_id: r.questionId,
            skill: r.skill,
            chosen: JSON.stringify(r.chosen),
            points: r.points,
            correct: r.correct,
            answered_at: r.answeredAt,
            locale: r.locale,
          })),
        )
        // The same question of the same attempt under another id: the first answer stands.
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
  }
  summary.responses.added = inserted(responses);
  summary.responses.known = file.responses.length - summary.responses.added;

  for (const rows of chunks(file.arms)) {
    await trx
      .insertInto("experiment_arms")
      .values(rows.map((a) => ({ user_id: to(a.userId), course_id: a.courseId, experiment: a.experiment, arm: a.arm, assigned_at: a.assignedAt })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return summary;
}

/** The account id holding each of these record ids here (attempts or answers). */
async function ownersOf(trx: Kysely<Database>, table: "quiz_attempts" | "quiz_responses", ids: string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const part of chunks(ids)) {
    const rows = await trx.selectFrom(table).select(["id", "user_id"]).where("id", "in", part).execute();
    for (const r of rows) owners.set(r.id, r.user_id);
  }
  return owners;
}

/** Each hall learner's account here: the one made at an earlier import, or a new nickname account in the group. */
async function learners(trx: Kysely<Database>, cohortId: string, file: HallExport): Promise<{ map: Map<string, string>; added: number }> {
  const known = await trx.selectFrom("hall_learners").select(["hall_user_id", "user_id"]).where("cohort_id", "=", cohortId).execute();
  const map = new Map(known.map((k) => [k.hall_user_id, k.user_id]));
  const missing = file.learners.filter((l) => !map.has(l.id));
  if (missing.length === 0) return { map, added: 0 };
  const nicknames = await trx
    .selectFrom("cohort_members")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("cohort_id", "=", cohortId)
    .where("pseudonymous", "=", 1)
    .executeTakeFirstOrThrow();
  if (Number(nicknames.n) + missing.length > NICKNAME_MEMBERS_MAX) throw new AppError("conflict", "cohorts.nicknamesFull");
  const created = new Date().toISOString();
  for (const l of missing) {
    const userId = crypto.randomUUID();
    const base = l.displayName.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 20) || "learner";
    let loginName = "";
    for (let i = 0; i < 20 && !loginName; i++) {
      const candidate = `${base}-${crypto.randomInt(1000, 10000)}`;
      if (!(await trx.selectFrom("users").select("id").where("login_name", "=", candidate).executeTakeFirst())) loginName = candidate;
    }
    if (!loginName) loginName = `${base}-${crypto.randomUUID().slice(0, 8)}`;
    await trx
      .insertInto("users")
      .values({ id: userId, email: null, login_name: loginName, display_name: l.displayName, password_hash: NO_PASSPHRASE, role: "learner", created_at: created, suspended_at: null })
      .execute();
    await trx.insertInto("cohort_members").values({ cohort_id: cohortId, user_id: userId, joined_at: l.joinedAt, pseudonymous: 1 }).execute();
    await trx.insertInto("hall_learners").values({ cohort_id: cohortId, hall_user_id: l.id, user_id: userId }).execute();
    map.set(l.id, userId);
  }
  return { map, added: missing.length };
}
