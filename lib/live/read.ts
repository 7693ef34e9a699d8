// Reading a screen's view: access checked once, then a reader the event stream calls on each change.
//
// The room shares its work (issue #24): after a step, every screen listening in this process asks
// at the same moment, and they share ONE snapshot of the session: the row read once, the phones'
// common part built and serialised once, all answers to the current round read in one query only
// when a phone has something of its own to see, and each room screen's view built once. A phone's
// frame is then its small personal fields spliced in front of the shared JSON.
import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { contentOf, participantOf, sessionForController, stateOf, type Caller, type ParticipantRow, type SessionRow } from "./access";
import type { ViewName } from "./inputs";
import { currentStep, roundKey, type LiveState, type Phase } from "./session";
import type { LiveContent } from "./steps";
import { tallies } from "./tallies";
import { facilitatorView, participantResult, participantShared, participantView, projectorView, type Tallies, type ViewContext } from "./views";

/** One view as the event stream sends it: its seq and phase, and its JSON (one line). */
export interface Frame {
  seq: number;
  phase: Phase;
  json: string;
}

/** Steps whose phone view carries something personal (the phone's own answer, then its grade). */
const ANSWERED = new Set(["question", "scenario", "discernment", "check"]);

/** The session at one moment, as every screen asking at that moment shares it. */
export class Snapshot {
  readonly state: LiveState;
  readonly content: LiveContent;
  readonly ctx: ViewContext;
  private phoneTail: string | undefined;
  private answers: Promise<Map<string, string>> | undefined;
  private readonly results = new Map<string, string>();
  private readonly rooms = new Map<"facilitator" | "projector", Promise<Frame>>();
  private roomTallies: Promise<Tallies> | undefined;

  constructor(
    private readonly handle: Db,
    readonly row: SessionRow,
  ) {
    this.state = stateOf(row);
    this.content = contentOf(row);
    this.ctx = { code: row.code, locale: row.locale };
  }

  /** Every participant's answer to the current round (as JSON), in one query for the room (index live_answers_tally). */
  private answersOfRound(): Promise<Map<string, string>> {
    this.answers ??= this.handle.db
      .selectFrom("live_answers")
      .select(["participant_id", "choice"])
      .where("session_id", "=", this.row.id)
      .where("step_key", "=", currentStep(this.state).key)
      .where("round", "=", roundKey(this.state, this.content))
      .execute()
      // Re-serialised once per row, so what goes into a phone's line is JSON this code wrote.
      .then((rows) => new Map(rows.map((r) => [r.participant_id, JSON.stringify(JSON.parse(r.choice) as string[])])));
    return this.answers;
  }

  /** A phone's frame: its nickname, answer and (after the reveal) grade, then the room's shared part. */
  async phone(me: Pick<ParticipantRow, "id" | "nickname">): Promise<Frame> {
    // The shared part without its opening brace, so a phone's fields go in front of it.
    this.phoneTail ??= JSON.stringify(participantShared(this.state, this.content, this.ctx)).slice(1);
    const choice = ANSWERED.has(currentStep(this.state).kind) ? (await this.answersOfRound()).get(me.id) : undefined;
    let own = `{"nickname":${JSON.stringify(me.nickname)},"answer":${choice ?? "null"},`;
    if (choice !== undefined && this.state.phase === "revealed") {
      // Graded once per distinct answer: a room of 500 gives a handful of different answers.
      let result = this.results.get(choice);
      if (result === undefined) {
        const graded = participantResult(this.state, this.content, JSON.parse(choice) as string[]);
        result = graded ? `"result":${JSON.stringify(graded)},` : "";
        this.results.set(choice, result);
      }
      own += result;
    }
    return { seq: this.state.seq, phase: this.state.phase, json: own + this.phoneTail };
  }

  /** The projector's or facilitator's view, built and serialised once per snapshot. */
  room(view: "facilitator" | "projector"): Promise<Frame> {
    let frame = this.rooms.get(view);
    if (!frame) {
      frame = this.roomView(view).then((v) => ({ seq: v.seq, phase: v.phase, json: JSON.stringify(v) }));
      this.rooms.set(view, frame);
    }
    return frame;
  }

  /**
   * The room's tallies, read once for the facilitator and the projector alike: with the names,
   * which projectorView shows only when the facilitator has chosen to.
   */
  async roomView(view: "facilitator" | "projector") {
    this.roomTallies ??= tallies(this.handle, this.row, this.state, true);
    const counted = await this.roomTallies;
    return view === "facilitator" ? facilitatorView(this.state, counted, this.content, this.ctx) : projectorView(this.state, counted, this.content, this.ctx);
  }
}

/**
 * The session's snapshot, read once for every screen that asks at the same moment: after a step,
 * a thousand phones re-read it together, and share one query and everything built from it.
 */
const inFlight = new WeakMap<Db, Map<string, Promise<Snapshot | undefined>>>();
export function readSnapshot(handle: Db, sessionId: string): Promise<Snapshot | undefined> {
  let byId = inFlight.get(handle);
  if (!byId) inFlight.set(handle, (byId = new Map()));
  const pending = byId.get(sessionId);
  if (pending) return pending;
  const read = handle.db
    .selectFrom("live_sessions")
    .selectAll()
    .where("id", "=", sessionId)
    .executeTakeFirst()
    .then((row) => (row ? new Snapshot(handle, row) : undefined))
    .finally(() => byId.delete(sessionId));
  byId.set(sessionId, read);
  return read;
}

async function snapshotOrGone(handle: Db, sessionId: string): Promise<Snapshot> {
  const snap = await readSnapshot(handle, sessionId);
  if (!snap) throw new AppError("not_found", "notFound.liveSession");
  return snap;
}

export type AnyView = ReturnType<typeof facilitatorView> | ReturnType<typeof projectorView> | ReturnType<typeof participantView>;

/** Who may read which view: the room's screens for the session's controllers, the phone view for its participants. */
async function admit(handle: Db, caller: Caller, sessionId: string, view: ViewName): Promise<ParticipantRow | undefined> {
  if (view === "participant") return participantOf(handle, caller, sessionId);
  if (!caller.user) throw new AppError("not_found", "notFound.liveSession");
  await sessionForController(handle, caller.user, sessionId);
  return undefined;
}

/**
 * A screen's frames, after checking who asks (anyone else gets "not found"). Returns a reader for
 * the event stream, which re-reads without checking access again.
 */
export async function openLiveFrames(handle: Db, caller: Caller, sessionId: string, view: ViewName): Promise<() => Promise<Frame>> {
  const me = await admit(handle, caller, sessionId, view);
  if (me) return async () => (await snapshotOrGone(handle, sessionId)).phone(me);
  const room = view === "facilitator" ? "facilitator" : "projector";
  return async () => (await snapshotOrGone(handle, sessionId)).room(room);
}

/** A screen's view as an object (the state route), with the same access check. */
export async function readLiveView(handle: Db, caller: Caller, sessionId: string, view: ViewName): Promise<AnyView> {
  const me = await admit(handle, caller, sessionId, view);
  const snap = await snapshotOrGone(handle, sessionId);
  if (!me) return snap.roomView(view === "facilitator" ? "facilitator" : "projector");
  const mine = await handle.db.selectFrom("live_answers").select("choice").where("participant_id", "=", me.id).where("round", "=", roundKey(snap.state, snap.content)).executeTakeFirst();
  return participantView(snap.state, snap.content, snap.ctx, { nickname: me.nickname, answer: mine ? (JSON.parse(mine.choice) as string[]) : null });
}
