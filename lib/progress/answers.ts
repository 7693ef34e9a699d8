// A learner's quiz answers and attempts: each answer graded on the server and stored once, and
// an attempt closed with its score. Every function takes the acting user and only ever touches
// that user's rows; ids sent by a client are checked against the owner inside the same
// transaction as the write.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import { findQuizActivity, hasCheckForms } from "@/lib/content";
import { formOfQuizId } from "@/lib/content/check-forms";
import { recordedArm } from "@/lib/experiments/arms";
import { activityKindOf, parseProgressActivity } from "@/lib/content/activity-id";
import { biasExperiment, FORMS_EXPERIMENT, formFor, PAIR_VERSIONS, shownCount, type FormId } from "@/lib/quiz/experiments";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { AnswerResult } from "@/lib/quiz/grade";
import { revealFor, type RevealedAnswer } from "@/lib/quiz/public";
import type { Question, Quiz } from "@/lib/quiz/types";
import { sessionStands, type SessionClaim, type SessionUser } from "@/lib/auth/accounts";
import type { AnswerInput } from "./inputs";
import { encodeAnswerSummary } from "./answer-summary";
import { gradeOrRefuse } from "./public-grade";
import { enqueue } from "@/lib/xapi/outbox";
import { xapiTarget } from "@/lib/xapi/settings";
import { statementForAnswer, statementForAttempt, statementForCompletion, type Statement, type XapiTarget } from "@/lib/xapi/statements";

const now = () => new Date().toISOString();

/**
 * Grades an answer on the server and stores it once. Resolves only after the transaction has
 * committed; a repeat of the same answer id returns the stored result and writes nothing. The
 * grade carries the question's key (`reveal`): assessment and booster pages hold none, and show
 * the feedback from this response once the learner has answered.
 */
export async function recordAnswer(handle: Db, actor: SessionUser, input: AnswerInput, source: AttemptSource = "app"): Promise<RevealedAnswer> {
  const form = await checkFormOf(handle, actor, input);
  const quiz = findQuizActivity(input.locale, input.courseId, input.lessonId, form)?.quiz;
  if (!quiz) throw new AppError("not_found", "content.unknownQuiz");
  const question = quiz.questions.find((q) => q.id === input.questionId);
  if (!question) throw new AppError("bad_request", "quiz.unknownQuestion");
  await refuseOtherVersion(handle, actor, input, quiz, question.id);
  // Learning records (lib/xapi): null, from memory, when no LRS is set up; then nothing more is written.
  const target = await xapiTarget(handle);
  return revealFor(question, await storeAnswer(handle, actor, input, quiz, question, source, target && { target, form }));
}

/**
 * PostgreSQL: an answer in one round trip, session check included. `claim` is the session cookie's,
 * not yet confirmed: the statement (storeFreshAnswerOrAttempt) stores only while that session
 * stands (`sessionStands`, the rule of validSession), in the same statement as the write. The
 * answer or the attempt it creates belongs to the claimed user, as recordAnswer's would. Resolves
 * to the graded answer when it stored it, and to undefined when it stored nothing, or on SQLite
 * (where the session check is no round trip), or for anything that needs a read first (a check's
 * form, a bias-check pair's arm, a learning record for the LRS) or a refusal worded for a confirmed
 * user (an unknown question, a choice that is not an option): the caller then confirms the session
 * and calls recordAnswer.
 */
export async function recordAnswerIfSessionStands(handle: Db, claim: SessionClaim, input: AnswerInput): Promise<RevealedAnswer | undefined> {
  if (handle.kind !== "postgres" || activityKindOf(input.lessonId) === "check") return undefined;
  // With an LRS set up the answer carries a learning record (lib/xapi), written in recordAnswer's
  // transaction; the setting is read from memory, so without one this costs no query.
  if (await xapiTarget(handle)) return undefined;
  const quiz = findQuizActivity(input.locale, input.courseId, input.lessonId, undefined)?.quiz;
  const question = quiz?.questions.find((q) => q.id === input.questionId);
  if (!quiz || !question || quiz.biasPairs?.some((p) => p.versions.includes(question.id))) return undefined;
  let result: AnswerResult;
  try {
    result = gradeOrRefuse(question, input.chosen);
  } catch {
    return undefined;
  }
  const fresh = freshAnswer({ id: claim.userId }, input, question, result);
  const stored = await storeFreshAnswerOrAttempt(handle, fresh, { quizId: quiz.id, version: quiz.version ?? null, source: "app" }, claim);
  return stored ? revealFor(question, result) : undefined;
}

function freshAnswer(actor: Pick<SessionUser, "id">, input: AnswerInput, question: Question, result: AnswerResult): FreshAnswer {
  return {
    id: input.id,
    attemptId: input.attemptId,
    userId: actor.id,
    courseId: input.courseId,
    lessonId: input.lessonId,
    locale: input.locale,
    questionId: question.id,
    skill: question.skill,
    chosen: JSON.stringify(input.chosen),
    points: result.points,
    correct: result.verdict === "correct" ? 1 : 0,
    at: now(),
  };
}

/** Where an attempt was taken: on the learner's own ("app") or in a live session ("live", lib/live). */
export type AttemptSource = "app" | "live";

/**
 * For a check slot, the form this learner takes there: from their recorded "forms" arm, never
 * from the client, so a learner cannot pick the easier form or see both. The check's page asks
 * for the arms before it shows a question (/api/progress/arms); an answer without one is refused
 * and writes nothing.
 */
async function checkFormOf(handle: Db, actor: SessionUser, input: AnswerInput): Promise<FormId | undefined> {
  const check = parseProgressActivity(input.courseId, input.lessonId);
  if (check?.kind !== "check" || !hasCheckForms(input.locale, input.courseId)) return undefined;
  const order = await recordedArm(handle, actor, input.courseId, FORMS_EXPERIMENT);
  if (order !== "ab" && order !== "ba") throw new AppError("conflict", "quiz.checkNotSetUp");
  return formFor(check.slot, order);
}

/**
 * A bias-check pair is shown between subjects: the learner answers the version of their arm,
 * never the other, whatever a client sends. The arm is read, never assigned here: every page with
 * a pair asks for the arms before it shows a question (/api/progress/arms), and assigning one in
 * an answer that is then refused would write a row for a refused request. Only a paired question
 * costs the arm lookup; every other answer goes straight on.
 */
async function refuseOtherVersion(handle: Db, actor: SessionUser, input: AnswerInput, quiz: Quiz, questionId: string): Promise<void> {
  const pair = quiz.biasPairs?.find((p) => p.versions.includes(questionId));
  if (!pair) return;
  const arm = await recordedArm(handle, actor, input.courseId, biasExperiment(pair.id));
  if (arm === undefined) throw new AppError("conflict", "quiz.notSetUp");
  if (pair.versions[PAIR_VERSIONS.indexOf(arm as (typeof PAIR_VERSIONS)[number])] !== questionId) {
    throw new AppError("conflict", "quiz.notYourVersion");
  }
}

/** Where the answer's statement goes, when an LRS is set up (lib/xapi), and the check form it was taken on. */
interface Records {
  target: XapiTarget;
  form: FormId | undefined;
}

async function storeAnswer(handle: Db, actor: SessionUser, input: AnswerInput, quiz: Pick<Quiz, "id" | "version">, question: Question, source: AttemptSource, records: Records | null): Promise<AnswerResult> {
  const result = gradeOrRefuse(question, input.chosen);

  const fresh = freshAnswer(actor, input, question, result);
  // The statement is written with the answer, in its transaction (the outbox pattern, lib/xapi).
  const statement = records
    ? statementForAnswer(records.target, {
        id: input.id,
        userId: actor.id,
        attemptId: input.attemptId,
        locale: input.locale,
        courseId: input.courseId,
        lessonId: input.lessonId,
        questionId: question.id,
        form: records.form,
        chosen: input.chosen,
        points: result.points,
        correct: result.verdict === "correct",
        answeredAt: fresh.at,
      })
    : undefined;
  // PostgreSQL's one statement (answer, and its attempt if new) has no room for a learning record:
  // with an LRS set up, the answer and its statement go in one transaction instead.
  const stored =
    !statement && handle.kind === "postgres" && activityKindOf(input.lessonId) !== "check"
      ? await storeFreshAnswerOrAttempt(handle, fresh, { quizId: quiz.id, version: quiz.version ?? null, source })
      : await storeFreshAnswer(handle, fresh, statement);
  if (stored) return result;

  // Not stored by the fast path: the quiz's first answer (no attempt yet), a retry, a rival answer,
  // someone else's or a finished attempt, or a race. Work out which, inside one transaction.
  return writeTx(handle, async (trx) => {
    // The starting and final checks are measurements: only the first one counts, so a learner who
    // has finished one on the current items cannot start another (issue #20). Only a NEW attempt is
    // refused; answers (and replays) to an attempt that exists go on as before.
    // The starting and final checks are taken once: a baseline and an outcome, not practice.
    if (activityKindOf(input.lessonId) === "check") {
      const known = await trx.selectFrom("quiz_attempts").select("id").where("id", "=", input.attemptId).executeTakeFirst();
      if (!known && (await hasFinishedCheck(trx, actor.id, input.courseId, input.lessonId, quiz.version ?? null))) {
        throw new AppError("conflict", "quiz.checkTaken");
      }
    }
    // Create the attempt on its first answer; a concurrent first answer makes this a no-op.
    // It records the content version the learner sees now: reports read its answers against that;
    // and the locale of this first answer: reports per language read the attempt's (issue #25).
    await trx
      .insertInto("quiz_attempts")
      .values({ id: input.attemptId, user_id: actor.id, course_id: input.courseId, lesson_id: input.lessonId, quiz_id: quiz.id, started_at: now(), finished_at: null, score: null, source, content_version: quiz.version ?? null, locale: input.locale })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const attempt = await trx.selectFrom("quiz_attempts").select(["user_id", "course_id", "lesson_id", "finished_at"]).where("id", "=", input.attemptId).executeTakeFirstOrThrow();
    if (attempt.user_id !== actor.id) {
      log("auth.denied", { userId: actor.id, reason: "attempt of another user" });
      throw new AppError("not_found", "notFound.quizAttempt");
    }
    if (attempt.course_id !== input.courseId || attempt.lesson_id !== input.lessonId) {
      throw new AppError("bad_request", "quiz.attemptOtherLesson");
    }

    const existing = await trx
      .selectFrom("quiz_responses")
      .select(["id", "user_id", "attempt_id", "question_id", "chosen"])
      .where((eb) => eb.or([eb("id", "=", input.id), eb.and([eb("attempt_id", "=", input.attemptId), eb("question_id", "=", input.questionId)])]))
      .execute();
    const same = existing.find((r) => r.id === input.id);
    if (same) {
      // A retry of an answer already stored: acknowledge it with the stored choice. A stored choice
      // that no longer grades (the question was rewritten since) is refused as a bad request, not
      // a server error.
      if (same.user_id !== actor.id || same.attempt_id !== input.attemptId || same.question_id !== input.questionId) {
        throw new AppError("conflict", "quiz.answerIdUsed");
      }
      return gradeOrRefuse(question, JSON.parse(same.chosen) as string[]);
    }
    if (existing.length > 0) throw new AppError("conflict", "quiz.alreadyAnswered");
    if (attempt.finished_at) throw new AppError("conflict", "quiz.attemptFinished");

    const inserted = await trx
      .insertInto("quiz_responses")
      .values({
        id: input.id,
        attempt_id: input.attemptId,
        user_id: actor.id,
        question_id: question.id,
        skill: question.skill,
        chosen: JSON.stringify(input.chosen),
        points: result.points,
        correct: result.verdict === "correct" ? 1 : 0,
        answered_at: now(),
        locale: input.locale,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      // PostgreSQL: another request stored a row for this id or this question between our check
      // and our insert (both waited on the same unique index). Never acknowledge what was not
      // stored: a retry of this very answer gets the stored grade, a rival answer a conflict.
      const stored = await trx.selectFrom("quiz_responses").select(["user_id", "attempt_id", "question_id", "chosen"]).where("id", "=", input.id).executeTakeFirst();
      if (stored && stored.user_id === actor.id && stored.attempt_id === input.attemptId && stored.question_id === input.questionId) {
        return gradeOrRefuse(question, JSON.parse(stored.chosen) as string[]);
      }
      throw new AppError("conflict", stored ? "quiz.answerIdUsed" : "quiz.alreadyAnswered");
    }
    if (statement) await enqueue(trx, [{ statement, userId: actor.id }]);
    return result;
  });
}

/** Whether the learner has finished this check on this content version (older items do not count). */
async function hasFinishedCheck(trx: Kysely<Database>, userId: string, courseId: string, lessonId: string, version: string | null): Promise<boolean> {
  const row = await trx
    .selectFrom("quiz_attempts")
    .select("id")
    .where("user_id", "=", userId)
    .where("course_id", "=", courseId)
    .where("lesson_id", "=", lessonId)
    .where("finished_at", "is not", null)
    .where("content_version", version === null ? "is" : "=", version)
    .executeTakeFirst();
  return row !== undefined;
}

interface FreshAnswer {
  id: string;
  attemptId: string;
  userId: string;
  courseId: string;
  lessonId: string;
  /** The locale the learner answered in (content/locales.json). */
  locale: string;
  questionId: string;
  skill: string;
  chosen: string;
  points: number;
  correct: 0 | 1;
  at: string;
}

/**
 * The common case in one statement: an answer to an attempt that already exists (every answer of
 * a quiz but its first), inserted only if the attempt is this learner's, for this lesson and still
 * open, and neither this answer id nor an answer to this question in this attempt exists. True
 * when the answer was stored. False means "not stored, find out why" in recordAnswer's
 * transaction; the statement then changed nothing, so a refused request still writes nothing.
 *
 * On PostgreSQL that is one round trip instead of six (BEGIN, four statements, COMMIT), which had
 * held answer throughput to 0.48 of a bare insert (bench/). A first answer, which must create its
 * attempt, always takes the transaction: creating the attempt here would leave it behind whenever
 * the answer is then refused.
 */
async function storeFreshAnswer(handle: Db, a: FreshAnswer, statement?: Statement): Promise<boolean> {
  const insert = sql`
    insert into quiz_responses (id, attempt_id, user_id, question_id, skill, chosen, points, correct, answered_at, locale)
    select ${a.id}, ${a.attemptId}, ${a.userId}, ${a.questionId}, ${a.skill}, ${a.chosen}, ${a.points}, ${a.correct}, ${a.at}, ${a.locale}
    where exists (select 1 from quiz_attempts where id = ${a.attemptId} and user_id = ${a.userId} and course_id = ${a.courseId} and lesson_id = ${a.lessonId} and finished_at is null)
      and not exists (select 1 from quiz_responses where id = ${a.id} or (attempt_id = ${a.attemptId} and question_id = ${a.questionId}))
    on conflict do nothing
  `;
  // SQLite writes go through the group commit; on PostgreSQL one statement is its own transaction.
  if (!statement) {
    const result = handle.kind === "postgres" ? await insert.execute(handle.db) : await writeTx(handle, (trx) => insert.execute(trx));
    return Number(result.numAffectedRows ?? 0) === 1;
  }
  // With an LRS set up, the answer's statement joins it in the outbox, atomically: on PostgreSQL
  // still one statement (the insert's RETURNING feeds the outbox row), on SQLite in the same write.
  if (handle.kind === "postgres") {
    const result = await sql`
      with stored as (
        insert into quiz_responses (id, attempt_id, user_id, question_id, skill, chosen, points, correct, answered_at, locale)
        select ${a.id}, ${a.attemptId}, ${a.userId}, ${a.questionId}, ${a.skill}, ${a.chosen}, ${a.points}, ${a.correct}, ${a.at}, ${a.locale}
        where exists (select 1 from quiz_attempts where id = ${a.attemptId} and user_id = ${a.userId} and course_id = ${a.courseId} and lesson_id = ${a.lessonId} and finished_at is null)
          and not exists (select 1 from quiz_responses where id = ${a.id} or (attempt_id = ${a.attemptId} and question_id = ${a.questionId}))
        on conflict do nothing
        returning id
      )
      insert into xapi_outbox (id, user_id, statement, status, attempts, next_attempt_at, last_error, created_at, sent_at)
      select id, ${a.userId}, ${JSON.stringify(statement)}, 'pending', 0, ${a.at}, null, ${a.at}, null from stored
      on conflict do nothing
    `.execute(handle.db);
    return Number(result.numAffectedRows ?? 0) === 1;
  }
  return writeTx(handle, async (trx) => {
    const stored = Number((await insert.execute(trx)).numAffectedRows ?? 0) === 1;
    if (stored) await enqueue(trx, [{ statement, userId: a.userId }]);
    return stored;
  });
}

/**
 * PostgreSQL: storeFreshAnswer's statement, which also creates the attempt when this is its first
 * answer, so a quiz's first answer is one round trip too instead of eight (the fast path's miss,
 * then BEGIN, five statements, COMMIT): a seventh of all answers to a seven-question quiz
 * (bench/README.md, suite 3). The attempt is created only if it does not exist and the answer id
 * is unused; a new attempt is this learner's, for this lesson and open by construction, and holds
 * no answer yet. PostgreSQL runs a data-modifying CTE and the insert as one atomic statement, and
 * the CTE's row is seen through its RETURNING (not by the outer query's snapshot). Anything else
 * (someone else's attempt, a finished one, a retry, a rival answer, a race on the unique indexes)
 * stores nothing here and takes recordAnswer's transaction, as before. The starting and final
 * checks never come here: whether one may start is checked in that transaction.
 */
async function storeFreshAnswerOrAttempt(handle: Db, a: FreshAnswer, attempt: { quizId: string; version: string | null; source: AttemptSource }, session?: SessionClaim): Promise<boolean> {
  // With a claim not yet confirmed, nothing is written unless that session stands (both inserts).
  const stands = session ? sessionStands(session) : sql<boolean>`true`;
  const result = await sql`
    with new_attempt as (
      insert into quiz_attempts (id, user_id, course_id, lesson_id, quiz_id, started_at, finished_at, score, source, content_version, locale)
      select ${a.attemptId}, ${a.userId}, ${a.courseId}, ${a.lessonId}, ${attempt.quizId}, ${a.at}, null, null, ${attempt.source}, ${attempt.version}, ${a.locale}
      where not exists (select 1 from quiz_responses where id = ${a.id}) and ${stands}
      on conflict do nothing
      returning id
    )
    insert into quiz_responses (id, attempt_id, user_id, question_id, skill, chosen, points, correct, answered_at, locale)
    select ${a.id}, ${a.attemptId}, ${a.userId}, ${a.questionId}, ${a.skill}, ${a.chosen}, ${a.points}, ${a.correct}, ${a.at}, ${a.locale}
    where (
        exists (select 1 from new_attempt)
        or exists (select 1 from quiz_attempts where id = ${a.attemptId} and user_id = ${a.userId} and course_id = ${a.courseId} and lesson_id = ${a.lessonId} and finished_at is null)
      )
      and not exists (select 1 from quiz_responses where id = ${a.id} or (attempt_id = ${a.attemptId} and question_id = ${a.questionId}))
      and ${stands}
    on conflict do nothing
  `.execute(handle.db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

export interface FinishedAttempt {
  attemptId: string;
  percent: number;
  passed: boolean;
  bestPercent: number;
}

/**
 * Closes an attempt: scores it over the questions the learner was shown (one version of each
 * bias-check pair) and marks the lesson done, in `locale`: the page's, where the learner finished. Idempotent.
 */
export async function finishAttempt(handle: Db, actor: SessionUser, attemptId: string, locale: string): Promise<FinishedAttempt> {
  const target = await xapiTarget(handle);
  return writeTx(handle, async (trx) => {
    const attempt = await trx.selectFrom("quiz_attempts").selectAll().where("id", "=", attemptId).where("user_id", "=", actor.id).executeTakeFirst();
    if (!attempt) throw new AppError("not_found", "notFound.quizAttempt");
    // A check is scored on the form the attempt was taken on (its quiz_id).
    const activity = findQuizActivity(locale, attempt.course_id, attempt.lesson_id, formOfQuizId(attempt.quiz_id));
    if (!activity) throw new AppError("not_found", "content.quizGone");
    const { quiz } = activity;

    let score = attempt.score;
    if (attempt.finished_at === null || score === null) {
      const sum = await trx
        .selectFrom("quiz_responses")
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("points"), eb.lit(0)).as("total"))
        .where("attempt_id", "=", attemptId)
        .executeTakeFirstOrThrow();
      score = Number(sum.total) / shownCount(quiz);
      // Kept with the attempt, so reports read one row per attempt (answer-summary.ts).
      const answers = await trx.selectFrom("quiz_responses").select(["question_id", "chosen", "correct"]).where("attempt_id", "=", attemptId).execute();
      const at = now();
      await trx.updateTable("quiz_attempts").set({ finished_at: at, score, answer_summary: encodeAnswerSummary(answers) }).where("id", "=", attemptId).execute();
      let completed = false;
      if (activity.kind === "lesson") {
        const inserted = await trx
          .insertInto("lesson_completions")
          .values({ user_id: actor.id, course_id: attempt.course_id, lesson_id: attempt.lesson_id, completed_at: at, locale })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        completed = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
      }
      if (target) {
        const facts = { userId: actor.id, locale, courseId: attempt.course_id, lessonId: attempt.lesson_id };
        const statements = [statementForAttempt(target, { ...facts, attemptId, score, passed: score + 1e-9 >= quiz.passMark, finishedAt: at })];
        if (completed) statements.push(statementForCompletion(target, { ...facts, completedAt: at }));
        await enqueue(trx, statements.map((statement) => ({ statement, userId: actor.id })));
      }
    }
    const best = await trx
      .selectFrom("quiz_attempts")
      .select((eb) => eb.fn.max<number>("score").as("best"))
      .where("user_id", "=", actor.id)
      .where("course_id", "=", attempt.course_id)
      .where("lesson_id", "=", attempt.lesson_id)
      .executeTakeFirstOrThrow();
    const percent = toPercent(score);
    return { attemptId, percent, passed: score + 1e-9 >= quiz.passMark, bestPercent: toPercent(Number(best.best ?? score)) };
  });
}

const toPercent = (score: number) => Math.floor(score * 100 + 1e-9);
