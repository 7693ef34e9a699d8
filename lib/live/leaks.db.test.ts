// No stream is leaked (issue #24): 1,000 connect/disconnect cycles of a phone's event stream, on
// the real read path (access check, shared snapshot, the process's hub) with steps and answers
// coming in meanwhile, leave no hub listener, no heartbeat, no tally timer and no handle that
// keeps the process alive. Streams end both ways a phone leaves: the request is aborted (the
// socket closes), or the reader cancels.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { getCourses, getQuiz } from "@/lib/content";
import { UNKNOWN_CLIENT } from "@/lib/ratelimit/client";
import { testEngines } from "@/lib/testing/db";
import { hubFor, TALLY_EVERY_MS } from "./hub";
import { openLiveFrames } from "./read";
import { heartbeats, viewStream } from "./sse";
import { controlLiveSession, createLiveSession, joinLiveSession, submitLiveAnswer } from "./store";
import type { ParticipantView } from "./views";

process.env.LOG_SILENT = "1";

const CYCLES = 1000;
const PHONES = 20;
const course = getCourses("en")[0];
const lesson = course.modules[0].lessons.find((l) => l.quizId)!;
const quiz = getQuiz("en", course.id, lesson.quizId!)!;
const questions = quiz.questions.filter((q) => q.type === "single" && !quiz.biasPairs?.some((p) => p.versions.includes(q.id)));

/**
 * Handles and requests that keep the process alive, by kind, as Node counts them, less what the
 * PostgreSQL pool holds by design (a socket per client, an idle timer per idle client).
 */
function activeResources(handle: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) counts[r] = (counts[r] ?? 0) + 1;
  if (handle.store.kind === "postgres") {
    counts.TCPSocketWrap = (counts.TCPSocketWrap ?? 0) - handle.store.pool.totalCount;
    counts.Timeout = (counts.Timeout ?? 0) - handle.store.pool.idleCount;
  }
  return counts;
}

/** The kinds of which more are active now than before, with both counts. */
function grown(before: Record<string, number>, after: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(after).filter(([k, n]) => n > (before[k] ?? 0)).map(([k, n]) => [k, `${before[k] ?? 0} -> ${n}`]));
}

/** Reads a stream until its text holds `marker`. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, marker: string): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(marker)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe.each(testEngines())("event streams leave nothing behind on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let fay: SessionUser;
  let session: { id: string; code: string };
  const tokens: string[] = [];

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    fay = await createAccount(handle, { email: `fay-leaks-${engine.name}@example.org`, displayName: "Fay", password: "river lamp orchard", role: "facilitator" });
    session = await createLiveSession(handle, fay, { locale: "en", courseId: course.id });
    for (let i = 0; i < PHONES; i++) tokens.push((await joinLiveSession(handle, { user: null }, { code: session.code, nickname: `Phone ${i}` }, UNKNOWN_CLIENT)).token!);
    await hubFor(handle).ready();
  });
  afterAll(async () => {
    await hubFor(handle).close();
    await cleanup();
  });

  it(`after ${CYCLES.toLocaleString("en")} connect/disconnect cycles`, { timeout: 120_000 }, async () => {
    const hub = hubFor(handle);
    // Warm the database pool and the hub first, so what they keep open anyway is in the baseline.
    const warm = viewStream({ hub, sessionId: session.id, signal: new AbortController().signal, read: await openLiveFrames(handle, { user: null, token: tokens[0] }, session.id, "participant"), tallies: false, serialised: (f) => f.json }).getReader();
    await readUntil(warm, "event: view");
    await warm.cancel();
    const before = activeResources(handle);

    let step = 0;
    let round = "";
    let maxOpen = 0;
    for (let i = 0; i < CYCLES; i++) {
      const token = tokens[i % PHONES];
      // Now and then the facilitator moves on, and phones answer, while streams come and go.
      if (i % 100 === 0) {
        const q = questions[step++ % questions.length];
        await controlLiveSession(handle, fay, session.id, { type: "add", step: { kind: "question", lesson: lesson.id, question: q.id } });
        round = "";
      }
      const abort = new AbortController();
      const read = await openLiveFrames(handle, { user: null, token }, session.id, "participant");
      const reader = viewStream({ hub, sessionId: session.id, signal: abort.signal, read, tallies: i % 5 === 0, serialised: (f) => f.json }).getReader();
      maxOpen = Math.max(maxOpen, hub.counts().listeners, heartbeats.counts().streams);
      if (i % 4 === 0) {
        const text = await readUntil(reader, "event: view");
        const view = JSON.parse(text.slice(text.indexOf("data: ") + 6).split("\n")[0]) as ParticipantView;
        round ||= (view.step as { round: string }).round;
      }
      if (i % 10 === 3 && round) await submitLiveAnswer(handle, { user: null, token }, session.id, { id: crypto.randomUUID(), round, chosen: [questions[(step - 1) % questions.length].options[0].id] }).catch(() => undefined);
      if (i % 2 === 0) abort.abort();
      else await reader.cancel();
    }
    // The last coalesced tally fires, then nothing is pending.
    await new Promise((r) => setTimeout(r, TALLY_EVERY_MS * 2));

    expect(maxOpen).toBe(1);
    expect(hub.counts()).toEqual({ sessions: 0, listeners: 0, timers: 0 });
    expect(heartbeats.counts()).toEqual({ timers: 0, streams: 0 });
    expect(grown(before, activeResources(handle))).toEqual({});
  });
});
