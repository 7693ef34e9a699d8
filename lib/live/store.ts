// Live sessions in the database: create, join, control and answer. Who may reach a session is
// decided in lib/live/access.ts; reading views is lib/live/read.ts, retention lib/live/retention.ts.
// After each committed change the hub announces ids only (lib/live/hub.ts).
import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { cohortFor, requireFacilitator } from "@/lib/cohorts/access";
import { newJoinCode } from "@/lib/cohorts/mutations";
import { getCourse } from "@/lib/content";
import { formatActivityId } from "@/lib/content/activity-id";
import { AppError, type PlainErrorKey } from "@/lib/errors";
import { recordAnswer } from "@/lib/progress/answers";
import type { Client } from "@/lib/ratelimit/client";
import { consume, perClient } from "@/lib/ratelimit/limiter";
import { contentOf, now, participantOf, sessionForController, sha256, stateOf, type Caller, type SessionRow } from "./access";
import { runningOrderFromPlan } from "./content";
import { hubFor } from "./hub";
import { stepOf, type ControlInput, type CreateInput, type JoinInput, type LiveAnswerInput } from "./inputs";
import { LIVE_CAPACITY } from "./limits";
import { keepOnlyTotals } from "./retention";
import { currentStep, initialState, LiveActionError, reduce, roundKey, type Action, type LiveState } from "./session";
import { LOBBY, type Step } from "./steps";
import { roundTallies } from "./tallies";
import { validChoice } from "./views";

export { LIVE_CAPACITY } from "./limits";
export type { Caller } from "./access";

// ----- create -------------------------------------------------------------------------------

/**
 * A new session, from a group (its members join by code, answers count in its reports) or ad hoc
 * (nickname joiners, totals only). With a workshop plan, its steps are the running order; the
 * checks are left out of an ad hoc session, as only a group's members take them on the server.
 */
export async function createLiveSession(handle: Db, actor: SessionUser, input: CreateInput): Promise<{ id: string; code: string }> {
  await requireFacilitator(handle.db, actor);
  let locale: string;
  let courseId: string;
  let trackId = input.trackId ?? null;
  if (input.cohortId) {
    const cohort = await cohortFor(handle, actor, input.cohortId, "manage");
    if (cohort.archived_at) throw new AppError("conflict", "live.archived");
    locale = cohort.locale;
    courseId = cohort.course_id;
  } else {
    if (!input.locale || !input.courseId) throw new AppError("bad_request", "live.chooseCourse", {}, { field: "courseId" });
    locale = input.locale;
    courseId = input.courseId;
  }
  if (!getCourse(locale, courseId)) throw new AppError("not_found", "content.unknownCourse");
  let order: Step[] = [LOBBY];
  if (trackId) {
    const planned = runningOrderFromPlan(locale, trackId);
    if (!planned || planned.some((s) => s.kind !== "lobby" && s.kind !== "discussion" && "ref" in s && s.ref.course !== courseId)) {
      throw new AppError("not_found", "content.unknownPlan");
    }
    order = input.cohortId ? planned : planned.filter((s) => s.kind !== "check");
  } else {
    trackId = null;
  }
  const state = initialState(order);
  const { order: _o, ...rest } = state;
  const id = crypto.randomUUID();
  // A clash of 8-character codes is rare; a few tries make it vanish.
  for (let attempt = 0; ; attempt++) {
    const code = newJoinCode();
    const inserted = await handle.db
      .insertInto("live_sessions")
      .values({ id, code, owner_id: actor.id, cohort_id: input.cohortId ?? null, locale, course_id: courseId, track_id: trackId, running_order: JSON.stringify(order), state: JSON.stringify(rest), seq: state.seq, totals: null, created_at: now(), ended_at: null })
      .onConflict((oc) => oc.column("code").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { id, code };
    if (attempt >= 5) throw new AppError("internal", "live.noJoinCode");
  }
}


// ----- join ------------------------------------------------------------------------------------

export interface Joined {
  sessionId: string;
  /** For a nickname joiner: the token the route puts in the httpOnly cookie (only its hash is kept). */
  token?: string;
}

/**
 * Joins by code. A group session takes its group's signed-in members (no nickname); an ad hoc
 * session takes a nickname, and a phone that has joined before (its cookie) keeps its place and
 * nickname. Refused past LIVE_CAPACITY people, and after the session has ended.
 */
export async function joinLiveSession(handle: Db, caller: Caller, input: JoinInput, client: Client): Promise<Joined> {
  await consume(handle, ...perClient(client, "liveJoinPerDevice", "liveJoinPerAddress"));
  const session = await handle.db.selectFrom("live_sessions").select(["id", "cohort_id", "ended_at"]).where("code", "=", input.code).executeTakeFirst();
  if (!session || session.ended_at) throw new AppError("not_found", "live.noSession");

  if (session.cohort_id) {
    const user = caller.user;
    if (!user) throw new AppError("unauthenticated", "auth.signInToJoinLive");
    const member = await handle.db.selectFrom("cohort_members").select("user_id").where("cohort_id", "=", session.cohort_id).where("user_id", "=", user.id).executeTakeFirst();
    if (!member) throw new AppError("not_found", "live.noSession");
    await admit(handle, session.id, { user_id: user.id, token_hash: null, nickname: null });
    return { sessionId: session.id };
  }

  if (caller.token) {
    const known = await handle.db.selectFrom("live_participants").select("id").where("session_id", "=", session.id).where("token_hash", "=", sha256(caller.token)).executeTakeFirst();
    if (known) {
      await handle.db.updateTable("live_participants").set({ seen_at: now() }).where("id", "=", known.id).execute();
      return { sessionId: session.id, token: caller.token };
    }
  }
  if (!input.nickname) throw new AppError("bad_request", "live.chooseNickname", {}, { field: "nickname" });
  const token = crypto.randomBytes(32).toString("base64url");
  await admit(handle, session.id, { user_id: null, token_hash: sha256(token), nickname: input.nickname });
  return { sessionId: session.id, token };
}

async function admit(handle: Db, sessionId: string, who: { user_id: string | null; token_hash: string | null; nickname: string | null }): Promise<void> {
  await writeTx(handle, async (trx) => {
    if (who.user_id) {
      const known = await trx.selectFrom("live_participants").select("id").where("session_id", "=", sessionId).where("user_id", "=", who.user_id).executeTakeFirst();
      if (known) {
        await trx.updateTable("live_participants").set({ seen_at: now() }).where("id", "=", known.id).execute();
        return;
      }
    }
    const count = await trx.selectFrom("live_participants").select((eb) => eb.fn.countAll<number>().as("n")).where("session_id", "=", sessionId).executeTakeFirstOrThrow();
    if (Number(count.n) >= LIVE_CAPACITY) throw new AppError("conflict", "live.full", { capacity: LIVE_CAPACITY });
    const at = now();
    await trx
      .insertInto("live_participants")
      .values({ id: crypto.randomUUID(), session_id: sessionId, ...who, joined_at: at, seen_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
  // The lobby's count of people changed: room screens re-read it (coalesced like a tally).
  const seq = await handle.db.selectFrom("live_sessions").select("seq").where("id", "=", sessionId).executeTakeFirst();
  hubFor(handle).publishTally(sessionId, Number(seq?.seq ?? 0));
}

// ----- control ---------------------------------------------------------------------------------

const ACTION_REFUSALS = {
  ended: "live.ended",
  "unknown-step": "live.unknownStep",
  "not-now": "live.notNow",
  "bad-order": "live.badOrder",
  "no-content": "live.noContent",
} as const satisfies Record<LiveActionError["reason"], PlainErrorKey>;

/**
 * Applies a facilitator's action and returns the new seq. Two controllers acting at once (a
 * laptop and a phone) cannot overwrite each other: the write is conditional on the seq it read,
 * and a lost race reads again and re-applies.
 */
export async function controlLiveSession(handle: Db, actor: SessionUser, sessionId: string, control: ControlInput): Promise<{ seq: number }> {
  const { seq: seen, ...input } = control as ControlInput & { seq?: number };
  const plain = input as Control;
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await sessionForController(handle, actor, sessionId);
    const state = stateOf(row);
    // Pressed on an older view (another device moved on): not applied to a step nobody chose.
    if (seen !== undefined && seen !== state.seq) throw new AppError("conflict", "live.staleControl");
    const content = contentOf(row);
    const action = await toAction(handle, row, state, plain);
    let next: LiveState;
    try {
      next = reduce(state, action, content);
    } catch (e) {
      if (e instanceof LiveActionError) throw new AppError("conflict", ACTION_REFUSALS[e.reason]);
      throw e;
    }
    if (next === state) return { seq: state.seq };
    const { order, ...rest } = next;
    const ended = next.phase === "ended";
    const saved = await writeTx(handle, async (trx) => {
      const done = await trx
        .updateTable("live_sessions")
        .set({ state: JSON.stringify(rest), running_order: JSON.stringify(order), seq: next.seq, ...(ended ? { ended_at: now() } : {}) })
        .where("id", "=", sessionId)
        .where("seq", "=", state.seq)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return false;
      if (ended && !row.cohort_id) await keepOnlyTotals(trx, sessionId);
      return true;
    });
    if (saved) {
      await hubFor(handle).publishState(sessionId, next.seq);
      return { seq: next.seq };
    }
  }
  throw new AppError("conflict", "live.changedElsewhere");
}

/** A control without the seq it was pressed on (Omit on each member of the union). */
type Control = ControlInput extends infer C ? (C extends ControlInput ? Omit<C, "seq"> : never) : never;

/** The reducer's action from the request: a step added by address, and tallies counted here, not sent by a client. */
async function toAction(handle: Db, row: SessionRow, state: LiveState, input: Control): Promise<Action> {
  switch (input.type) {
    case "add": {
      const step = stepOf(row.course_id, input.step);
      // Checks are taken on the server by a group's members only; versions of a bias-check pair
      // are shown one per learner, never to a room.
      const refused =
        !step ||
        (step.kind === "check" && !row.cohort_id) ||
        ((step.kind === "question" || step.kind === "discernment") && step.ref.quiz.kind === "lesson" && contentOf(row).pairedQuestions(row.course_id, step.ref.quiz.lesson).has(step.ref.question));
      if (refused) throw new AppError("conflict", ACTION_REFUSALS["no-content"]);
      return { type: "add", step };
    }
    case "follow":
    case "other": {
      const round = roundKey(state, contentOf(row));
      const counts = (await roundTallies(handle, row, currentStep(state).key))[round]?.counts ?? {};
      return input.type === "other" ? { type: "other", counts, ...(input.choice ? { choice: input.choice } : {}) } : { type: "follow", counts };
    }
    default:
      // The plain actions carry nothing but their type (and the fields zod checked).
      return input as Action;
  }
}

// ----- answers ---------------------------------------------------------------------------------

/** A stable attempt id for one learner's live answers to one lesson's quiz in one session. */
export function liveAttemptId(sessionId: string, userId: string, lessonId: string): string {
  const h = sha256(`live\u0000${sessionId}\u0000${userId}\u0000${lessonId}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Stores a phone's answer to the round on screen, once: the id is the client's, so a resend is
 * acknowledged without a second row. Answers to a round that is no longer open are refused. In a
 * group session a question's answer is also the learner's own answer (source "live"), so the
 * group's reports count it like any other, once.
 */
export async function submitLiveAnswer(handle: Db, caller: Caller, sessionId: string, input: LiveAnswerInput): Promise<{ stored: true; round: string }> {
  const me = await participantOf(handle, caller, sessionId);
  await consume(handle, ["liveAnswerPerParticipant", me.id]);
  const row = await handle.db.selectFrom("live_sessions").selectAll().where("id", "=", sessionId).executeTakeFirstOrThrow();
  const state = stateOf(row);
  const content = contentOf(row);
  const round = roundKey(state, content);
  const step = currentStep(state);

  const previous = await handle.db.selectFrom("live_answers").select(["participant_id", "round", "choice"]).where("id", "=", input.id).executeTakeFirst();
  if (previous) {
    if (previous.participant_id !== me.id) throw new AppError("conflict", "quiz.answerIdUsed");
    await alsoRecord(handle, caller, row, state, input.id, JSON.parse(previous.choice) as string[], previous.round);
    return { stored: true, round: previous.round };
  }
  if (!state.accepting || input.round !== round) throw new AppError("conflict", "live.closed");
  if (!validChoice(state, content, input.chosen)) throw new AppError("bad_request", "live.answerDoesNotFit", {}, { field: "chosen" });
  if (step.kind === "check") await refuseUnfinishedCheck(handle, caller, row);

  const inserted = await handle.db
    .insertInto("live_answers")
    .values({ id: input.id, session_id: sessionId, participant_id: me.id, user_id: me.user_id, step_key: step.key, round, choice: JSON.stringify(input.chosen), answered_at: now() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
    const stored = await handle.db.selectFrom("live_answers").select(["participant_id", "round"]).where("id", "=", input.id).executeTakeFirst();
    if (!stored || stored.participant_id !== me.id) throw new AppError("conflict", "live.alreadyAnswered");
  }
  await alsoRecord(handle, caller, row, state, input.id, input.chosen, round);
  hubFor(handle).publishTally(sessionId, state.seq);
  return { stored: true, round };
}

/** A group member's answer to a quiz question is also theirs in the group's progress (idempotent by id). */
async function alsoRecord(handle: Db, caller: Caller, row: SessionRow, state: LiveState, id: string, chosen: string[], round: string): Promise<void> {
  if (!row.cohort_id || !caller.user) return;
  const step = state.order.find((s) => s.key === round);
  if (step?.kind !== "question" || step.ref.quiz.kind !== "lesson") return;
  const lessonId = step.ref.quiz.lesson;
  await recordAnswer(
    handle,
    caller.user,
    { id, attemptId: liveAttemptId(row.id, caller.user.id, lessonId), locale: row.locale, courseId: row.course_id, lessonId, questionId: step.ref.question, chosen },
    "live",
  );
}

/** A check is marked finished only by someone whose finished attempt of it the server holds. */
async function refuseUnfinishedCheck(handle: Db, caller: Caller, row: SessionRow): Promise<void> {
  const step = currentStep(stateOf(row));
  if (step.kind !== "check" || !caller.user) throw new AppError("conflict", "live.membersOnly");
  const done = await handle.db
    .selectFrom("quiz_attempts")
    .select("id")
    .where("user_id", "=", caller.user.id)
    .where("course_id", "=", row.course_id)
    .where("lesson_id", "=", formatActivityId(step.ref))
    .where("finished_at", "is not", null)
    .executeTakeFirst();
  if (!done) throw new AppError("conflict", "live.finishCheckFirst");
}
