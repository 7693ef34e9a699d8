// One change, many screens (issue #24): when a step reaches N phones in this process, the session
// row is read once and the round's answers in one query, not once per phone; and each phone's
// shared-bytes frame says exactly what its own view says: its own answer, its own grade after the
// reveal, never anyone else's and never the key before the reveal.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { KyselyPlugin, RootOperationNode } from "kysely";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { getCourses, getQuiz } from "@/lib/content";
import { UNKNOWN_CLIENT } from "@/lib/ratelimit/client";
import { testEngines } from "@/lib/testing/db";
import { LiveHub } from "./hub";
import { openLiveFrames, readLiveView } from "./read";
import { viewStream } from "./sse";
import { controlLiveSession, createLiveSession, joinLiveSession, submitLiveAnswer } from "./store";
import type { ParticipantView } from "./views";

process.env.LOG_SILENT = "1";

const PHONES = 12;
const course = getCourses("en")[0];
const lesson = course.modules[0].lessons.find((l) => l.quizId)!;
const quiz = getQuiz("en", course.id, lesson.quizId!)!;
const question = quiz.questions.find((q) => q.type === "single" && !quiz.biasPairs?.some((p) => p.versions.includes(q.id)))!;
const right = question.correct[0];
const wrong = question.options.find((o) => !question.correct.includes(o.id))!.id;

/** The first table a select reads from, for counting queries per table. */
function selectedTable(node: RootOperationNode): string | undefined {
  if (node.kind !== "SelectQueryNode") return undefined;
  const from = node.from?.froms[0] as { kind: string; table?: { identifier: { name: string } }; node?: { table?: { identifier: { name: string } } } } | undefined;
  return from?.table?.identifier.name ?? from?.node?.table?.identifier.name;
}

/** The handle with every select counted by table. */
function counting(handle: Db): { handle: Db; selects: Map<string, number> } {
  const selects = new Map<string, number>();
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      const table = selectedTable(node);
      if (table) selects.set(table, (selects.get(table) ?? 0) + 1);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { handle: { ...handle, db: handle.db.withPlugin(plugin) }, selects };
}

/** Reads a stream until it has given `count` views; returns their data lines parsed. */
async function views(stream: ReadableStream<Uint8Array>, count: number): Promise<ParticipantView[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const out: ParticipantView[] = [];
  while (out.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = text.indexOf("\n\n")) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const data = block.split("\n").find((l) => l.startsWith("data: "));
      if (block.includes("event: view") && data) out.push(JSON.parse(data.slice(6)) as ParticipantView);
    }
  }
  reader.releaseLock();
  return out;
}

describe.each(testEngines())("fan-out of a step on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let fay: SessionUser;
  let session: { id: string; code: string };
  const tokens: string[] = [];
  let seq: number;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    fay = await createAccount(handle, { email: `fay-fanout-${engine.name}@example.org`, displayName: "Fay", password: "river lamp orchard", role: "facilitator" });
    session = await createLiveSession(handle, fay, { locale: "en", courseId: course.id, trackId: "workshop" });
    for (let i = 0; i < PHONES; i++) tokens.push((await joinLiveSession(handle, { user: null }, { code: session.code, nickname: `Phone ${i}` }, UNKNOWN_CLIENT)).token!);
    seq = (await controlLiveSession(handle, fay, session.id, { type: "add", step: { kind: "question", lesson: lesson.id, question: question.id } })).seq;
    const open = (await readLiveView(handle, { user: null, token: tokens[0] }, session.id, "participant")) as ParticipantView;
    // Phones 0-3 answer right, 4-7 wrong, the rest not at all.
    for (let i = 0; i < 8; i++) await submitLiveAnswer(handle, { user: null, token: tokens[i] }, session.id, { id: crypto.randomUUID(), round: (open.step as { round: string }).round, chosen: [i < 4 ? right : wrong] });
  });
  afterAll(() => cleanup());

  it("before the reveal a phone's frame carries its answer and no key", async () => {
    for (const i of [0, 5, 9]) {
      const read = await openLiveFrames(handle, { user: null, token: tokens[i] }, session.id, "participant");
      const frame = await read();
      const view = JSON.parse(frame.json) as ParticipantView;
      expect(view).toEqual(await readLiveView(handle, { user: null, token: tokens[i] }, session.id, "participant"));
      expect(view.answer).toEqual(i === 9 ? null : [i < 4 ? right : wrong]);
      expect(view.result).toBeUndefined();
      expect(frame.json).not.toMatch(/"correct"|"feedback"|"explanation"/);
    }
  });
  it("reads the session once and the answers once for a room of phones, and each phone sees only its own", async () => {
    const hub = new LiveHub();
    const counted = counting(handle);
    const aborts = tokens.map(() => new AbortController());
    let firstReads = 0;
    const streams = await Promise.all(
      tokens.map(async (token, i) => {
        const open = await openLiveFrames(counted.handle, { user: null, token }, session.id, "participant");
        const read = () => open().finally(() => firstReads++);
        // Resuming at the current seq: nothing is sent until the next change.
        return viewStream({ hub, sessionId: session.id, signal: aborts[i].signal, read, tallies: false, lastEventId: seq, serialised: (f) => f.json });
      }),
    );
    const received = streams.map((s) => views(s, 1));
    // Every stream has made its opening read; count only what the one change causes.
    await vi.waitFor(() => expect(firstReads).toBe(PHONES));
    counted.selects.clear();
    const revealed = await controlLiveSession(handle, fay, session.id, { type: "reveal" });
    await hub.publishState(session.id, revealed.seq);
    const frames = (await Promise.all(received)).map((v) => v[0]);
    for (const a of aborts) a.abort();

    expect(counted.selects.get("live_sessions")).toBe(1);
    expect(counted.selects.get("live_answers")).toBe(1);
    expect(hub.counts().listeners).toBe(0);
    for (const [i, frame] of frames.entries()) {
      // The shared bytes plus the personal part say exactly what the phone's own view says.
      expect(frame).toEqual(await readLiveView(handle, { user: null, token: tokens[i] }, session.id, "participant"));
      expect(frame.seq).toBe(revealed.seq);
      expect(frame.nickname).toBe(`Phone ${i}`);
      expect(frame.answer).toEqual(i < 8 ? [i < 4 ? right : wrong] : null);
      expect(frame.result?.verdict).toBe(i < 4 ? "correct" : i < 8 ? "incorrect" : undefined);
    }
  });


  it("builds the room screens' views once per change, and the projector shows names only when chosen", async () => {
    const hub = new LiveHub();
    const counted = counting(handle);
    const screens = [{ user: fay, view: "projector" as const }, { user: fay, view: "projector" as const }, { user: fay, view: "facilitator" as const }, { user: fay, view: "facilitator" as const }];
    const aborts = screens.map(() => new AbortController());
    let firstReads = 0;
    const streams = await Promise.all(
      screens.map(async (s, i) => {
        const open = await openLiveFrames(counted.handle, { user: s.user }, session.id, s.view);
        const read = () => open().finally(() => firstReads++);
        return viewStream({ hub, sessionId: session.id, signal: aborts[i].signal, read, tallies: true, serialised: (f) => f.json });
      }),
    );
    // Each room screen gets its current view at once, then one per change.
    const received = streams.map((s) => views(s, 2));
    await vi.waitFor(() => expect(firstReads).toBe(screens.length));
    counted.selects.clear();
    // Answers came in: the coalesced tally reaches every room screen.
    hub.publishTally(session.id, seq);
    const frames = (await Promise.all(received)).map((v) => v[1] as unknown as { names?: string[]; showNames?: boolean });
    for (const a of aborts) a.abort();

    expect(counted.selects.get("live_sessions")).toBe(1);
    // One tally of the round; participants counted once and their names read once.
    expect(counted.selects.get("live_answers")).toBe(1);
    expect(counted.selects.get("live_participants")).toBe(2);
    expect(frames[0].names).toBeUndefined();
    expect(frames[1].names).toBeUndefined();
    expect(frames[2].names).toHaveLength(PHONES);
    expect(frames[2]).toEqual(await readLiveView(handle, { user: fay }, session.id, "facilitator"));
    expect(frames[0]).toEqual(await readLiveView(handle, { user: fay }, session.id, "projector"));
  });
});
