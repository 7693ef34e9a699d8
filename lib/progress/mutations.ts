// The learner's own record: lesson completion, quiz answers and attempts, guest merge, export
// and deletion. Every function takes the acting user and only ever touches that user's rows;
// ids sent by a client are checked against the owner inside the same transaction as the write.
import "server-only";
import crypto from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import { USER_DATA_TABLES, type Database } from "@/lib/db/schema";
import { findLessonQuiz, findQuizActivity, hasCheckForms, isGradedActivity } from "@/lib/content";
import { formOfQuizId } from "@/lib/content/check-forms";
import { recordedArm } from "@/lib/experiments/arms";
import { biasExperiment, checkSlotOf, FORMS_EXPERIMENT, formFor, PAIR_VERSIONS, shownCount, type FormId } from "@/lib/quiz/experiments";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { AnswerResult } from "@/lib/quiz/grade";
import { revealFor, type RevealedAnswer } from "@/lib/quiz/public";
import type { Question, Quiz } from "@/lib/quiz/types";
import type { SessionUser } from "@/lib/auth/accounts";
import { verifyPassword } from "@/lib/auth/password";
import { forgetAccountSignInState, throttledPasswordCheck } from "@/lib/auth/throttle";
import { myAttitudeSubmissions } from "@/lib/attitudes/queries";
import { forgetInvitationsTo } from "@/lib/cohorts/invitations";
import type { AnswerInput, GuestMergeInput, LessonRefInput } from "./inputs";
import { encodeAnswerSummary } from "./answer-summary";
import { gradeOrRefuse } from "./public-grade";

const now = () => new Date().toISOString();

function lessonOrThrow(ref: LessonRefInput) {
  const found = findLessonQuiz(ref.locale, ref.courseId, ref.lessonId);
  if (!found) throw new AppError("not_found", "That lesson does not exist.");
  return found;
}

export async function completeLesson(handle: Db, actor: SessionUser, ref: LessonRefInput): Promise<{ completedAt: string }> {
  lessonOrThrow(ref);
  return writeTx(handle, async (trx) => {
    await trx
      .insertInto("lesson_completions")
      .values({ user_id: actor.id, course_id: ref.courseId, lesson_id: ref.lessonId, completed_at: now() })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const row = await trx
      .selectFrom("lesson_completions")
      .select("completed_at")
      .where("user_id", "=", actor.id)
      .where("course_id", "=", ref.courseId)
      .where("lesson_id", "=", ref.lessonId)
      .executeTakeFirstOrThrow();
    return { completedAt: row.completed_at };
  });
}

/** Un-marks a lesson the learner marked done by mistake (quiz attempts stay). */
export async function uncompleteLesson(handle: Db, actor: SessionUser, ref: LessonRefInput): Promise<void> {
  await handle.db
    .deleteFrom("lesson_completions")
    .where("user_id", "=", actor.id)
    .where("course_id", "=", ref.courseId)
    .where("lesson_id", "=", ref.lessonId)
    .execute();
}

/**
 * Grades an answer on the server and stores it once. Resolves only after the transaction has
 * committed; a repeat of the same answer id returns the stored result and writes nothing. The
 * grade carries the question's key (`reveal`): assessment and booster pages hold none, and show
 * the feedback from this response once the learner has answered.
 */
export async function recordAnswer(handle: Db, actor: SessionUser, input: AnswerInput): Promise<RevealedAnswer> {
  const form = await checkFormOf(handle, actor, input);
  const quiz = findQuizActivity(input.locale, input.courseId, input.lessonId, form)?.quiz;
  if (!quiz) throw new AppError("not_found", "That quiz does not exist.");
  const question = quiz.questions.find((q) => q.id === input.questionId);
  if (!question) throw new AppError("bad_request", "That question is not in this quiz.");
  await refuseOtherVersion(handle, actor, input, quiz, question.id);
  return revealFor(question, await storeAnswer(handle, actor, input, quiz, question));
}

/**
/**
 * For a check slot, the form this learner takes there: from their recorded "forms" arm, never
 * from the client, so a learner cannot pick the easier form or see both. The check's page asks
 * for the arms before it shows a question (/api/progress/arms); an answer without one is refused
 * and writes nothing.
 */
async function checkFormOf(handle: Db, actor: SessionUser, input: AnswerInput): Promise<FormId | undefined> {
  const slot = checkSlotOf(input.lessonId);
  if (!slot || !hasCheckForms(input.locale, input.courseId)) return undefined;
  const order = await recordedArm(handle, actor, input.courseId, FORMS_EXPERIMENT);
  if (order !== "ab" && order !== "ba") throw new AppError("conflict", "Open the check again: it has not been set up for you yet.");
  return formFor(slot, order);
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
  if (arm === undefined) throw new AppError("conflict", "This quiz has not been set up for you yet. Reload the page.");
  if (pair.versions[PAIR_VERSIONS.indexOf(arm as (typeof PAIR_VERSIONS)[number])] !== questionId) {
    throw new AppError("conflict", "This question is not in your version of the quiz. Reload the page.");
  }
}

async function storeAnswer(handle: Db, actor: SessionUser, input: AnswerInput, quiz: Pick<Quiz, "id" | "version">, question: Question): Promise<AnswerResult> {
  const result = gradeOrRefuse(question, input.chosen);

  const fresh: FreshAnswer = {
    id: input.id,
    attemptId: input.attemptId,
    userId: actor.id,
    courseId: input.courseId,
    lessonId: input.lessonId,
    questionId: question.id,
    skill: question.skill,
    chosen: JSON.stringify(input.chosen),
    points: result.points,
    correct: result.verdict === "correct" ? 1 : 0,
    at: now(),
  };
  if (await storeFreshAnswer(handle, fresh)) return result;

  // Not stored by the fast path: the quiz's first answer (no attempt yet), a retry, a rival answer,
  // someone else's or a finished attempt, or a race. Work out which, inside one transaction.
  return writeTx(handle, async (trx) => {
    // The starting and final checks are measurements: only the first one counts, so a learner who
    // has finished one on the current items cannot start another (issue #20). Only a NEW attempt is
    // refused; answers (and replays) to an attempt that exists go on as before.
    if (ONCE_ONLY.has(input.lessonId)) {
      const known = await trx.selectFrom("quiz_attempts").select("id").where("id", "=", input.attemptId).executeTakeFirst();
      if (!known && (await hasFinishedCheck(trx, actor.id, input.courseId, input.lessonId, quiz.version ?? null))) {
        throw new AppError("conflict", "You have already taken this check.");
      }
    }
    // Create the attempt on its first answer; a concurrent first answer makes this a no-op.
    // It records the content version the learner sees now: reports read its answers against that.
    await trx
      .insertInto("quiz_attempts")
      .values({ id: input.attemptId, user_id: actor.id, course_id: input.courseId, lesson_id: input.lessonId, quiz_id: quiz.id, started_at: now(), finished_at: null, score: null, source: "app", content_version: quiz.version ?? null })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const attempt = await trx.selectFrom("quiz_attempts").select(["user_id", "course_id", "lesson_id", "finished_at"]).where("id", "=", input.attemptId).executeTakeFirstOrThrow();
    if (attempt.user_id !== actor.id) {
      log("auth.denied", { userId: actor.id, reason: "attempt of another user" });
      throw new AppError("not_found", "Quiz attempt not found.");
    }
    if (attempt.course_id !== input.courseId || attempt.lesson_id !== input.lessonId) {
      throw new AppError("bad_request", "That attempt belongs to another lesson.");
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
        throw new AppError("conflict", "That answer id was already used.");
      }
      return gradeOrRefuse(question, JSON.parse(same.chosen) as string[]);
    }
    if (existing.length > 0) throw new AppError("conflict", "This question was already answered in this attempt.");
    if (attempt.finished_at) throw new AppError("conflict", "This attempt is finished. Start the quiz again to answer.");

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
      throw new AppError("conflict", stored ? "That answer id was already used." : "This question was already answered in this attempt.");
    }
    return result;
  });
}

/** Activities taken once: the starting and final checks (a baseline and an outcome, not practice). */
const ONCE_ONLY: ReadonlySet<string> = new Set(["assessment-pre", "assessment-post"]);

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
async function storeFreshAnswer(handle: Db, a: FreshAnswer): Promise<boolean> {
  const insert = sql`
    insert into quiz_responses (id, attempt_id, user_id, question_id, skill, chosen, points, correct, answered_at)
    select ${a.id}, ${a.attemptId}, ${a.userId}, ${a.questionId}, ${a.skill}, ${a.chosen}, ${a.points}, ${a.correct}, ${a.at}
    where exists (select 1 from quiz_attempts where id = ${a.attemptId} and user_id = ${a.userId} and course_id = ${a.courseId} and lesson_id = ${a.lessonId} and finished_at is null)
      and not exists (select 1 from quiz_responses where id = ${a.id} or (attempt_id = ${a.attemptId} and question_id = ${a.questionId}))
    on conflict do nothing
  `;
  // SQLite writes go through the group commit; on PostgreSQL one statement is its own transaction.
  const result = handle.kind === "postgres" ? await insert.execute(handle.db) : await writeTx(handle, (trx) => insert.execute(trx));
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
 * bias-check pair) and marks the lesson done. Idempotent.
 */
export async function finishAttempt(handle: Db, actor: SessionUser, attemptId: string, locale: string): Promise<FinishedAttempt> {
  return writeTx(handle, async (trx) => {
    const attempt = await trx.selectFrom("quiz_attempts").selectAll().where("id", "=", attemptId).where("user_id", "=", actor.id).executeTakeFirst();
    if (!attempt) throw new AppError("not_found", "Quiz attempt not found.");
    // A check is scored on the form the attempt was taken on (its quiz_id).
    const activity = findQuizActivity(locale, attempt.course_id, attempt.lesson_id, formOfQuizId(attempt.quiz_id));
    if (!activity) throw new AppError("not_found", "That quiz no longer exists.");
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
      if (activity.kind === "lesson") {
        await trx
          .insertInto("lesson_completions")
          .values({ user_id: actor.id, course_id: attempt.course_id, lesson_id: attempt.lesson_id, completed_at: at })
          .onConflict((oc) => oc.doNothing())
          .execute();
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

/**
 * Merges what a guest did in this browser into their account: lessons done and best scores.
 * Each guest score becomes one attempt with an id derived from the account and lesson, so
 * merging the same browser twice adds nothing.
 */
export async function mergeGuestProgress(handle: Db, actor: SessionUser, guest: GuestMergeInput): Promise<{ lessons: number; scores: number; skipped: number }> {
  let lessons = 0;
  let scores = 0;
  let skipped = 0;
  await writeTx(handle, async (trx) => {
    for (const [key, entry] of Object.entries(guest.lessons)) {
      const [locale, courseId, lessonId] = key.split("/");
      const lesson = findLessonQuiz(locale, courseId, lessonId);
      const graded = isGradedActivity(locale, courseId, lessonId);
      if (!lesson && !graded) {
        skipped++;
        continue;
      }
      const at = safeTime(entry.doneAt);
      if (entry.doneAt && lesson) {
        const r = await trx
          .insertInto("lesson_completions")
          .values({ user_id: actor.id, course_id: courseId, lesson_id: lessonId, completed_at: at })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        lessons += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      if (entry.bestPercent !== undefined && graded) {
        const id = derivedId(`guest-merge\u0000${actor.id}\u0000${courseId}\u0000${lessonId}`);
        // A check's score is kept (the learner's own dashboard shows it), but the browser does not
        // say which form it was taken on: quiz_id says so ("form-unknown"), and with no content
        // version it never enters a gain report or an item analysis.
        const quizId = checkSlotOf(lessonId) ? "form-unknown" : findQuizActivity(locale, courseId, lessonId)!.quiz.id;
        const r = await trx
          .insertInto("quiz_attempts")
          // No content version: the browser does not say which version the guest took. Finished,
          // with no answers stored: an empty summary (answer-summary.ts).
          .values({ id, user_id: actor.id, course_id: courseId, lesson_id: lessonId, quiz_id: quizId, started_at: at, finished_at: at, score: entry.bestPercent / 100, source: "guest", content_version: null, answer_summary: "" })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        scores += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
    }
  });
  return { lessons, scores, skipped };
}

function safeTime(value: string | undefined): string {
  const t = value ? Date.parse(value) : NaN;
  return Number.isFinite(t) && t <= Date.now() ? new Date(t).toISOString() : now();
}

/** A UUID-shaped id derived from a string (stable across calls). */
function derivedId(seed: string): string {
  const h = crypto.createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Everything stored about the learner, as plain JSON. */
export async function exportMyData(handle: Db, actor: SessionUser) {
  const db = handle.db;
  const [user, completions, attempts, responses, arms, attitudeChecks] = await Promise.all([
    db.selectFrom("users").select(["id", "email", "display_name", "role", "created_at"]).where("id", "=", actor.id).executeTakeFirst(),
    db.selectFrom("lesson_completions").select(["course_id", "lesson_id", "completed_at"]).where("user_id", "=", actor.id).orderBy("completed_at").execute(),
    db.selectFrom("quiz_attempts").select(["id", "course_id", "lesson_id", "quiz_id", "started_at", "finished_at", "score", "source", "content_version"]).where("user_id", "=", actor.id).orderBy("started_at").execute(),
    db.selectFrom("quiz_responses").select(["id", "attempt_id", "question_id", "skill", "chosen", "points", "correct", "answered_at"]).where("user_id", "=", actor.id).orderBy("answered_at").execute(),
    db.selectFrom("experiment_arms").select(["course_id", "experiment", "arm", "assigned_at"]).where("user_id", "=", actor.id).orderBy("assigned_at").execute(),
    myAttitudeSubmissions(handle, actor),
  ]);
  if (!user) throw new AppError("not_found", "Account not found.");
  log("account.exported", { userId: actor.id });
  return {
    exportedAt: now(),
    account: user,
    lessonCompletions: completions,
    quizAttempts: attempts.map((a) => ({ ...a, score: a.score === null ? null : Number(a.score) })),
    quizResponses: responses.map((r) => ({ ...r, chosen: JSON.parse(r.chosen) as string[], points: Number(r.points), correct: Boolean(r.correct) })),
    // Which check form came first and which version of each bias pair was shown (lib/experiments).
    experimentArms: arms,
    // Only that views were shared; the answers are anonymous, so they cannot be found again.
    viewsShared: attitudeChecks,
  };
}

/** Deletes the account and every row about it, after checking the password once more. */
/** `deviceId`: the browser's device cookie, for the sign-in throttle's buckets (null: untrusted). */
export async function deleteMyAccount(handle: Db, actor: SessionUser, password: string, deviceId: string | null = null): Promise<void> {
  const row = await handle.db.selectFrom("users").select(["password_hash", "email", "login_name"]).where("id", "=", actor.id).executeTakeFirst();
  if (!row) throw new AppError("not_found", "Account not found.");
  // The account name sign-in throttles by: the email, or a nickname account's login name.
  const account = row.email ?? row.login_name ?? actor.id;
  const checked = await throttledPasswordCheck(handle, account, deviceId, () => verifyPassword(row.password_hash, password));
  if (!checked.ok && checked.retryAfterMs > 0) {
    const seconds = Math.ceil(checked.retryAfterMs / 1000);
    const minutes = Math.ceil(seconds / 60);
    throw new AppError("throttled", `Too many wrong passwords. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`, { field: "password", retryAfterSeconds: seconds });
  }
  if (!checked.ok) throw new AppError("forbidden", "That password is not right.", { field: "password" });
  // Groups belong to their owner in the database (deleting the owner would cascade to the group,
  // its members' group data and its co-facilitators' access, and would let a suspended facilitator
  // erase groups that admins must still be able to read). So the owner deletes them first, on
  // purpose, from "My groups".
  const owned = await handle.db.selectFrom("cohorts").select((eb) => eb.fn.countAll<number>().as("n")).where("owner_id", "=", actor.id).executeTakeFirstOrThrow();
  const groups = Number(owned.n);
  if (groups > 0) {
    throw new AppError(
      "conflict",
      `You run ${groups === 1 ? "a group" : `${groups} groups`}. Delete ${groups === 1 ? "it" : "them"} under My groups first (that removes the group's data), then delete your account.`,
    );
  }
  await writeTx(handle, async (trx) => {
    // Children first, so the delete does not depend on the engine enforcing cascades.
    for (const [table, column] of [...USER_DATA_TABLES].reverse()) {
      await trx.deleteFrom(table).where(column, "=", actor.id).execute();
    }
    // Invitations to co-facilitate name no account, only the email's hash: they go with it too.
    if (row.email) await forgetInvitationsTo(trx, row.email);
  });
  await forgetAccountSignInState(handle, account);
  log("account.deleted", { userId: actor.id });
}
