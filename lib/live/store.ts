// Live sessions in the database: create, join, control, answer, read a view, and purge. Who may
// do what is decided here: only the session's owner (or the group's owner and co-facilitators)
// controls it and reads the room's screens; a participant reads only the phone view and their own
// answers; anyone else gets "not found". After each committed change the hub announces ids only.
import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { Kysely } from "kysely";
import type { Database, LiveSessionsTable } from "@/lib/db/schema";
import type { SessionUser } from "@/lib/auth/accounts";
import { requireFacilitator, cohortFor } from "@/lib/cohorts/access";
import { newJoinCode } from "@/lib/cohorts/mutations";
import { getCourse } from "@/lib/content";
import { formatActivityId } from "@/lib/content/activity-id";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { recordAnswer } from "@/lib/progress/answers";
import type { Client } from "@/lib/ratelimit/client";
import { consume, perClient } from "@/lib/ratelimit/limiter";
import { liveContent, runningOrderFromPlan } from "./content";
import { hubFor } from "./hub";
import { stepOf, type ControlInput, type CreateInput, type JoinInput, type LiveAnswerInput, type ViewName } from "./inputs";
import { currentStep, initialState, LiveActionError, reduce, roundKey, type Action, type LiveState } from "./session";
import { LOBBY, type Step } from "./steps";
import { facilitatorView, participantView, projectorView, validChoice, type RoundTally, type Tallies } from "./views";

/** The most people in one session (issue #24). */
export const LIVE_CAPACITY = 1000;
/** Ad hoc sessions keep their totals this long after they end, then are deleted. */
export const AD_HOC_KEEP_DAYS = 30;
/** An ad hoc session nobody ended is ended (totals kept, people forgotten) after this long. */
export const AD_HOC_STALE_HOURS = 24;

const now = () => new Date().toISOString();
const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/** Who is asking: a signed-in account, and the participant token of the live cookie if any. */
export interface Caller {
  user: SessionUser | null;
  /** The random token of a nickname joiner (from the httpOnly cookie); never stored, only its hash. */
  token?: string;
}

type SessionRow = LiveSessionsTable;

function stateOf(row: SessionRow): LiveState {
  return { ...(JSON.parse(row.state) as Omit<LiveState, "order">), order: JSON.parse(row.running_order) as Step[], seq: Number(row.seq) };
}

const contentOf = (row: Pick<SessionRow, "locale">) => liveContent(row.locale);

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
    if (cohort.archived_at) throw new AppError("conflict", "This group is archived. Restore it to run a live session.");
    locale = cohort.locale;
    courseId = cohort.course_id;
  } else {
    if (!input.locale || !input.courseId) throw new AppError("bad_request", "Choose the course for an ad hoc session.", { field: "courseId" });
    locale = input.locale;
    courseId = input.courseId;
  }
  if (!getCourse(locale, courseId)) throw new AppError("not_found", "That course does not exist.");
  let order: Step[] = [LOBBY];
  if (trackId) {
    const planned = runningOrderFromPlan(locale, trackId);
    if (!planned || planned.some((s) => s.kind !== "lobby" && s.kind !== "discussion" && "ref" in s && s.ref.course !== courseId)) {
      throw new AppError("not_found", "That workshop plan does not exist for this course.");
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
    if (attempt >= 5) throw new AppError("internal", "Could not make a join code. Try again.");
  }
}

// ----- who may reach a session ---------------------------------------------------------------

/** The session, if the actor runs it: its owner, or the owner or a co-facilitator of its group. */
async function sessionForController(handle: Db, actor: SessionUser, sessionId: string): Promise<SessionRow> {
  const row = await handle.db
    .selectFrom("live_sessions as s")
    .leftJoin("cohorts as c", "c.id", "s.cohort_id")
    .selectAll("s")
    .where("s.id", "=", sessionId)
    .where((eb) =>
      eb.or([
        eb("s.owner_id", "=", actor.id),
        eb("c.owner_id", "=", actor.id),
        eb.exists(eb.selectFrom("cohort_facilitators as f").select("f.user_id").whereRef("f.cohort_id", "=", "s.cohort_id").where("f.user_id", "=", actor.id)),
      ]),
    )
    .executeTakeFirst();
  if (!row) {
    log("auth.denied", { userId: actor.id, reason: "live session not reachable" });
    throw new AppError("not_found", "Live session not found.");
  }
  await requireFacilitator(handle.db, actor);
  return row;
}

interface ParticipantRow {
  id: string;
  user_id: string | null;
  nickname: string | null;
}

/** The caller's place in the session: their account's (group sessions) or their cookie token's. */
async function participantOf(handle: Db, caller: Caller, sessionId: string): Promise<ParticipantRow> {
  const byToken = caller.token ? sha256(caller.token) : null;
  const row = !caller.user && !byToken ? undefined : await handle.db
    .selectFrom("live_participants")
    .select(["id", "user_id", "nickname"])
    .where("session_id", "=", sessionId)
    .where((eb) => {
      const ors = [];
      if (caller.user) ors.push(eb("user_id", "=", caller.user.id));
      if (byToken) ors.push(eb("token_hash", "=", byToken));
      return eb.or(ors);
    })
    .executeTakeFirst();
  if (!row) {
    log("auth.denied", { userId: caller.user?.id, reason: "not in live session" });
    throw new AppError("not_found", "Live session not found.");
  }
  return row;
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
  if (!session || session.ended_at) throw new AppError("not_found", "No live session has that code. Check it on the screen and try again.");

  if (session.cohort_id) {
    const user = caller.user;
    if (!user) throw new AppError("unauthenticated", "Sign in to join your group's live session.");
    const member = await handle.db.selectFrom("cohort_members").select("user_id").where("cohort_id", "=", session.cohort_id).where("user_id", "=", user.id).executeTakeFirst();
    if (!member) throw new AppError("not_found", "No live session has that code. Check it on the screen and try again.");
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
  if (!input.nickname) throw new AppError("bad_request", "Choose a nickname to join.", { field: "nickname" });
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
    if (Number(count.n) >= LIVE_CAPACITY) throw new AppError("conflict", `This session is full: it takes up to ${LIVE_CAPACITY.toLocaleString("en")} people. Follow along on the big screen.`);
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

const ACTION_REFUSALS: Record<LiveActionError["reason"], string> = {
  ended: "This session has ended.",
  "unknown-step": "That step is not in this session's running order.",
  "not-now": "That control does not apply to what is on screen now.",
  "bad-order": "The running order must keep every step once, with the lobby first.",
  "no-content": "That content is not available in this session.",
};

/**
 * Applies a facilitator's action and returns the new seq. Two controllers acting at once (a
 * laptop and a phone) cannot overwrite each other: the write is conditional on the seq it read,
 * and a lost race reads again and re-applies.
 */
export async function controlLiveSession(handle: Db, actor: SessionUser, sessionId: string, input: ControlInput): Promise<{ seq: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await sessionForController(handle, actor, sessionId);
    const state = stateOf(row);
    const content = contentOf(row);
    const action = await toAction(handle, row, state, input);
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
  throw new AppError("conflict", "The session changed on another screen. Try again.");
}

/** The reducer's action from the request: a step added by address, and tallies counted here, not sent by a client. */
async function toAction(handle: Db, row: SessionRow, state: LiveState, input: ControlInput): Promise<Action> {
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

/** An ad hoc session that ends keeps only its counts per round and choice; its people and answers go. */
async function keepOnlyTotals(db: Kysely<Database>, sessionId: string): Promise<void> {
  const rows = await db
    .selectFrom("live_answers")
    .select((eb) => ["round", "choice", eb.fn.countAll<number>().as("n")])
    .where("session_id", "=", sessionId)
    .groupBy(["round", "choice"])
    .execute();
  const totals = tallyRows(rows);
  await db.updateTable("live_sessions").set({ totals: JSON.stringify(totals) }).where("id", "=", sessionId).execute();
  await db.deleteFrom("live_answers").where("session_id", "=", sessionId).execute();
  await db.deleteFrom("live_participants").where("session_id", "=", sessionId).execute();
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
    if (previous.participant_id !== me.id) throw new AppError("conflict", "That answer id was already used.");
    await alsoRecord(handle, caller, row, state, input.id, JSON.parse(previous.choice) as string[], previous.round);
    return { stored: true, round: previous.round };
  }
  if (!state.accepting || input.round !== round) throw new AppError("conflict", "Answers for this are closed. Look at the big screen for what comes next.");
  if (!validChoice(state, content, input.chosen)) throw new AppError("bad_request", "That answer does not fit this question.", { field: "chosen" });
  if (step.kind === "check") await refuseUnfinishedCheck(handle, caller, row);

  const inserted = await handle.db
    .insertInto("live_answers")
    .values({ id: input.id, session_id: sessionId, participant_id: me.id, user_id: me.user_id, step_key: step.key, round, choice: JSON.stringify(input.chosen), answered_at: now() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
    const stored = await handle.db.selectFrom("live_answers").select(["participant_id", "round"]).where("id", "=", input.id).executeTakeFirst();
    if (!stored || stored.participant_id !== me.id) throw new AppError("conflict", "You have already answered this.");
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
  if (step.kind !== "check" || !caller.user) throw new AppError("conflict", "Only a group's members take the checks.");
  const done = await handle.db
    .selectFrom("quiz_attempts")
    .select("id")
    .where("user_id", "=", caller.user.id)
    .where("course_id", "=", row.course_id)
    .where("lesson_id", "=", formatActivityId(step.ref))
    .where("finished_at", "is not", null)
    .executeTakeFirst();
  if (!done) throw new AppError("conflict", "Finish the check first, then come back here.");
}

// ----- reading views ---------------------------------------------------------------------------

function tallyRows(rows: readonly { round: string; choice: string; n: number | string | bigint }[]): Record<string, RoundTally> {
  const out: Record<string, { answered: number; counts: Record<string, number> }> = {};
  for (const r of rows) {
    const n = Number(r.n);
    const t = (out[r.round] ??= { answered: 0, counts: {} });
    t.answered += n;
    for (const id of JSON.parse(r.choice) as string[]) t.counts[id] = (t.counts[id] ?? 0) + n;
  }
  return out;
}

/** Each round of one step: how many answered and each choice's count (from the totals once an ad hoc session ended). */
async function roundTallies(handle: Db, row: SessionRow, stepKey: string): Promise<Record<string, RoundTally>> {
  if (row.totals) {
    const all = JSON.parse(row.totals) as Record<string, RoundTally>;
    return Object.fromEntries(Object.entries(all).filter(([round]) => round === stepKey || round.startsWith(`${stepKey}#`)));
  }
  const rows = await handle.db
    .selectFrom("live_answers")
    .select((eb) => ["round", "choice", eb.fn.countAll<number>().as("n")])
    .where("session_id", "=", row.id)
    .where("step_key", "=", stepKey)
    .groupBy(["round", "choice"])
    .execute();
  return tallyRows(rows);
}

async function tallies(handle: Db, row: SessionRow, state: LiveState, withNames: boolean): Promise<Tallies> {
  const [rounds, count, names] = await Promise.all([
    roundTallies(handle, row, currentStep(state).key),
    handle.db.selectFrom("live_participants").select((eb) => eb.fn.countAll<number>().as("n")).where("session_id", "=", row.id).executeTakeFirstOrThrow(),
    withNames
      ? handle.db
          .selectFrom("live_participants as p")
          .leftJoin("users as u", "u.id", "p.user_id")
          .select(["p.nickname", "u.display_name"])
          .where("p.session_id", "=", row.id)
          .orderBy("p.joined_at")
          .orderBy("p.id")
          .limit(LIVE_CAPACITY)
          .execute()
      : Promise.resolve([]),
  ]);
  return { participants: Number(count.n), rounds, ...(withNames ? { names: names.map((n) => n.nickname ?? n.display_name ?? "") } : {}) };
}

/**
 * The session row, read once for every screen that asks at the same moment: after a step, a
 * thousand phones re-read it together, and share one query.
 */
const inFlight = new WeakMap<Db, Map<string, Promise<SessionRow | undefined>>>();
function readSession(handle: Db, sessionId: string): Promise<SessionRow | undefined> {
  let byId = inFlight.get(handle);
  if (!byId) inFlight.set(handle, (byId = new Map()));
  const pending = byId.get(sessionId);
  if (pending) return pending;
  const read = handle.db
    .selectFrom("live_sessions")
    .selectAll()
    .where("id", "=", sessionId)
    .executeTakeFirst()
    .finally(() => byId.delete(sessionId));
  byId.set(sessionId, read);
  return read;
}

export type AnyView = ReturnType<typeof facilitatorView> | ReturnType<typeof projectorView> | ReturnType<typeof participantView>;

/**
 * A screen's view, after checking who asks: the room's screens (facilitator, projector) for the
 * session's controllers, the phone view for its participants; anyone else gets "not found".
 * Returns a reader for the event stream, which re-reads without checking access again.
 */
export async function openLiveView(handle: Db, caller: Caller, sessionId: string, view: ViewName): Promise<() => Promise<AnyView>> {
  if (view === "participant") {
    const me = await participantOf(handle, caller, sessionId);
    return async () => {
      const row = await readSession(handle, sessionId);
      if (!row) throw new AppError("not_found", "Live session not found.");
      const state = stateOf(row);
      const content = contentOf(row);
      const mine = await handle.db.selectFrom("live_answers").select("choice").where("participant_id", "=", me.id).where("round", "=", roundKey(state, content)).executeTakeFirst();
      return participantView(state, content, { code: row.code, locale: row.locale }, { nickname: me.nickname, answer: mine ? (JSON.parse(mine.choice) as string[]) : null });
    };
  }
  if (!caller.user) throw new AppError("not_found", "Live session not found.");
  const user = caller.user;
  await sessionForController(handle, user, sessionId);
  return async () => {
    const row = await readSession(handle, sessionId);
    if (!row) throw new AppError("not_found", "Live session not found.");
    const state = stateOf(row);
    const content = contentOf(row);
    const ctx = { code: row.code, locale: row.locale };
    if (view === "facilitator") return facilitatorView(state, await tallies(handle, row, state, true), content, ctx);
    return projectorView(state, await tallies(handle, row, state, state.showNames), content, ctx);
  };
}

export async function readLiveView(handle: Db, caller: Caller, sessionId: string, view: ViewName): Promise<AnyView> {
  return (await openLiveView(handle, caller, sessionId, view))();
}

// ----- retention -------------------------------------------------------------------------------

/**
 * Called at start-up: an ad hoc session left running for a day is ended (only its totals kept),
 * and an ad hoc session ended over AD_HOC_KEEP_DAYS ago is deleted. Group sessions stay with their
 * group: their answers are the members' own, deleted with the group or the account.
 */
export async function purgeLiveSessions(handle: Db, at = new Date()): Promise<{ ended: number; deleted: number }> {
  const staleBefore = new Date(at.getTime() - AD_HOC_STALE_HOURS * 3600_000).toISOString();
  const stale = await handle.db.selectFrom("live_sessions").select("id").where("cohort_id", "is", null).where("ended_at", "is", null).where("created_at", "<", staleBefore).execute();
  for (const { id } of stale) {
    await writeTx(handle, async (trx) => {
      const row = await trx.selectFrom("live_sessions").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row || row.ended_at) return;
      const state = stateOf(row);
      const { order: _o, ...rest } = { ...state, phase: "ended" as const, accepting: false, seq: state.seq + 1 };
      await trx.updateTable("live_sessions").set({ state: JSON.stringify(rest), seq: rest.seq, ended_at: at.toISOString() }).where("id", "=", id).execute();
      await keepOnlyTotals(trx, id);
    });
  }
  const keepAfter = new Date(at.getTime() - AD_HOC_KEEP_DAYS * 86400_000).toISOString();
  const gone = await handle.db.deleteFrom("live_sessions").where("cohort_id", "is", null).where("ended_at", "is not", null).where("ended_at", "<", keepAfter).executeTakeFirst();
  return { ended: stale.length, deleted: Number(gone.numDeletedRows) };
}
