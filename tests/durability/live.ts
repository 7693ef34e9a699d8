// The live session's part of the kill -9 test (issue #24): a facilitator's session, phones joined
// by nickname with their event streams open and the projector's, the phones answering a question
// through POST /api/live/<id>/answers with client ids; SIGKILL mid-round, restart, and then:
// every phone and the projector resume on the same step (same seq and step key), the phones
// resend what was not acknowledged (and a few acknowledged answers, as an outbox that lost the
// response does), and the stored answers are exactly one per phone: none lost, none doubled.
import crypto from "node:crypto";
import { Learner } from "./client";
import { Server } from "./server";
import { Browser, EventStream, type LiveEvent } from "./sse";
import type { Store } from "./stores";
import { loadActivities } from "./workload";

export interface LiveOptions {
  phones: number;
  port: number;
  logFile: string;
  startTimeoutMs: number;
  seed: number;
  progress: (line: string) => void;
}

export interface LiveFigures {
  engine: string;
  phones: number;
  acknowledgedBeforeKill: number;
  inFlightAtKill: number;
  committedButUnacknowledged: number;
  resentAfterRestart: number;
  deliberateResends: number;
  resumedWithLastEventId: number;
  resumedFresh: number;
  storedAnswers: number;
  seconds: number;
  problems: string[];
}

/** The part of a view these checks read (lib/live/views.ts). */
interface View {
  seq: number;
  phase: string;
  step: { key: string; round?: string };
  answer?: string[] | null;
  answered?: number;
  reveal?: { answered: number; counts: Record<string, number> };
  result?: unknown;
}

interface Phone {
  browser: Browser;
  stream: EventStream<View>;
  answer: { id: string; round: string; chosen: string[] };
  acknowledged: boolean;
}

type Outcome = "ack" | "lost" | { status: number; body: string };

const views = (s: EventStream<View>) => s.events.filter((e) => e.event === "view");
const lastView = (s: EventStream<View>) => views(s).at(-1);

export async function runLive(store: Store, o: LiveOptions): Promise<LiveFigures> {
  const started = Date.now();
  const f: LiveFigures = { engine: store.engine, phones: o.phones, acknowledgedBeforeKill: 0, inFlightAtKill: 0, committedButUnacknowledged: 0, resentAfterRestart: 0, deliberateResends: 0, resumedWithLastEventId: 0, resumedFresh: 0, storedAnswers: 0, seconds: 0, problems: [] };
  const server = new Server({ port: o.port, env: store.serverEnv, logFile: o.logFile, startTimeoutMs: o.startTimeoutMs });
  const streams: EventStream<View>[] = [];
  const open = (who: Browser | Learner, path: string, lastEventId?: number) => {
    const s = new EventStream<View>(who, path, lastEventId);
    streams.push(s);
    return s;
  };
  try {
    await server.start();
    const { lessonId, question } = pickQuestion(o.seed);
    const facilitator = new Learner(() => server.url);
    await facilitator.signUpAndIn("facilitator");
    const created = await facilitator.request("/api/live", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ locale: "en", courseId: question.courseId }) });
    if (created.status !== 200 && created.status !== 201) throw new Error(`POST /api/live answered ${created.status}: ${await created.text()}`);
    const session = (await created.json()) as { id: string; code: string };
    const base = `/api/live/${session.id}`;
    const control = async (action: unknown): Promise<number> => {
      const res = await facilitator.request(`${base}/control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(action) });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`control ${JSON.stringify(action)} answered ${res.status}: ${text}`);
      return (JSON.parse(text) as { seq: number }).seq;
    };

    // Phones join by nickname (each from an address of its own, like phones on a hall's Wi-Fi
    // behind one router would not be: the address limits are not under test here).
    const phones: Phone[] = [];
    for (let i = 0; i < o.phones; i++) {
      const browser = new Browser(() => server.url, `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`);
      await browser.post(`/api/live/join`, { code: session.code, nickname: `Phone ${i + 1}` });
      phones.push({ browser, stream: undefined as unknown as EventStream<View>, answer: { id: crypto.randomUUID(), round: "", chosen: [question.options[i % question.options.length]] }, acknowledged: false });
    }
    const seq = await control({ type: "add", step: { kind: "question", lesson: lessonId, question: question.id } });
    let projector = open(facilitator, `${base}/events?view=projector`);
    for (const p of phones) p.stream = open(p.browser, `${base}/events?view=participant`);
    const atStep = (e: LiveEvent<View>) => e.event === "view" && e.data.seq === seq;
    await projector.waitFor(atStep, `the projector's view at seq ${seq}`);
    for (const p of phones) {
      const view = await p.stream.waitFor(atStep, `a phone's view at seq ${seq}`);
      if (!view.data.step.round) throw new Error(`the phone's view has no round: ${JSON.stringify(view.data).slice(0, 300)}`);
      p.answer.round = view.data.step.round;
    }
    const stepKey = lastView(projector)!.data.step.key;

    // Answers, a few at a time; SIGKILL once about half are acknowledged, with others in flight.
    const post = async (p: Phone): Promise<Outcome> => {
      try {
        const res = await p.browser.request(`${base}/answers`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(p.answer), timeoutMs: 30_000 });
        const body = await res.text();
        if (res.status === 200) {
          const reply = JSON.parse(body) as { stored?: boolean; round?: string };
          if (!reply.stored || reply.round !== p.answer.round) f.problems.push(`answer ${p.answer.id}: acknowledged as ${body}`);
          return "ack";
        }
        return res.status >= 500 ? "lost" : { status: res.status, body: body.slice(0, 200) };
      } catch {
        return "lost";
      }
    };
    const killAfter = Math.max(1, Math.floor(o.phones * (0.3 + 0.4 * ((o.seed % 97) / 97))));
    const lost: Phone[] = [];
    let next = 0;
    let inFlight = 0;
    let killing: Promise<void> | undefined;
    const sender = async () => {
      while (!killing && next < phones.length) {
        const p = phones[next++];
        inFlight++;
        const out = await post(p);
        inFlight--;
        if (out === "ack") {
          p.acknowledged = true;
          if (++f.acknowledgedBeforeKill >= killAfter && !killing) {
            f.inFlightAtKill = inFlight;
            killing = server.kill();
          }
        } else if (out === "lost") lost.push(p);
        else f.problems.push(`answer ${p.answer.id} refused before the kill: ${out.status} ${out.body}`);
      }
    };
    await Promise.all(Array.from({ length: 6 }, sender));
    await (killing ?? server.kill());
    const unsent = phones.slice(next);

    // At the crash point: every acknowledged answer is stored; the streams all ended.
    const atCrash = new Set((await store.liveAnswers(session.id)).map((r) => r.id));
    const missing = phones.filter((p) => p.acknowledged && !atCrash.has(p.answer.id));
    if (missing.length) f.problems.push(`${missing.length} acknowledged answers missing right after the kill`);
    f.committedButUnacknowledged = lost.filter((p) => atCrash.has(p.answer.id)).length;
    await Promise.all(streams.map((s) => s.ended));
    const before = phones.map((p) => lastView(p.stream)!.data);
    const projectorBefore = lastView(projector)!.data;

    // Restart. Half the phones reconnect as EventSource does (Last-Event-ID), half as a reload
    // (no id: the current view at once); the projector always gets the current view at once.
    await server.start();
    projector = open(facilitator, `${base}/events?view=projector`);
    phones.forEach((p, i) => {
      const resume = i % 2 === 0;
      p.stream = open(p.browser, `${base}/events?view=participant`, resume ? before[i].seq : undefined);
      if (resume) f.resumedWithLastEventId++;
      else f.resumedFresh++;
    });
    const projectorAfter = (await projector.waitFor((e) => e.event === "view", "the projector's view after the restart")).data;
    if (projectorAfter.seq !== projectorBefore.seq || projectorAfter.step.key !== projectorBefore.step.key) {
      f.problems.push(`the projector resumed at seq ${projectorAfter.seq} step ${projectorAfter.step.key}, was at seq ${projectorBefore.seq} step ${projectorBefore.step.key}`);
    }
    for (const [i, p] of phones.entries()) {
      if (i % 2 === 1) {
        const v = (await p.stream.waitFor((e) => e.event === "view", "a reloaded phone's view after the restart")).data;
        if (v.seq !== before[i].seq || v.step.key !== stepKey) f.problems.push(`phone ${i + 1} resumed at seq ${v.seq} step ${v.step.key}, was at seq ${before[i].seq} step ${stepKey}`);
        const kept = atCrash.has(p.answer.id) ? p.answer.chosen : null;
        if (JSON.stringify(v.answer) !== JSON.stringify(kept)) f.problems.push(`phone ${i + 1}: its answer after the restart is ${JSON.stringify(v.answer)}, stored ${JSON.stringify(kept)}`);
      } else if ((await p.stream.opened) !== 200) {
        f.problems.push(`phone ${i + 1}'s stream with Last-Event-ID ${before[i].seq} answered ${p.stream.status}`);
      }
    }

    // The outbox: what had no 2xx is resent until acknowledged, the unsent are sent, and a few
    // acknowledged answers are resent with the same id (a lost response).
    const untilAcknowledged = async (p: Phone) => {
      for (let wait = 50; ; wait = Math.min(wait * 2, 1_000)) {
        const out = await post(p);
        if (out === "ack") return void (p.acknowledged = true);
        if (out !== "lost") return void f.problems.push(`answer ${p.answer.id} refused after the restart: ${out.status} ${out.body}`);
        if (!server.running) throw new Error("the server is not running");
        await new Promise((r) => setTimeout(r, wait));
      }
    };
    f.resentAfterRestart = lost.length + unsent.length;
    await Promise.all([...lost, ...unsent].map(untilAcknowledged));
    const again = phones.filter((p) => p.acknowledged && !lost.includes(p) && !unsent.includes(p)).slice(0, 5);
    f.deliberateResends = again.length;
    await Promise.all(again.map(untilAcknowledged));

    // The projector's count reaches the room, then the reveal reaches every stream.
    await projector.waitFor((e) => e.event === "view" && e.data.answered === o.phones, `the projector's count to reach ${o.phones}`);
    const revealed = await control({ type: "reveal" });
    if (revealed !== seq + 1) f.problems.push(`the reveal came at seq ${revealed}, expected ${seq + 1} (a change lost or repeated across the restart)`);
    const reveal = (await projector.waitFor((e) => e.event === "view" && e.data.seq === revealed, "the projector's reveal")).data;
    const total = Object.values(reveal.reveal?.counts ?? {}).reduce((a, b) => a + b, 0);
    if (reveal.step.key !== stepKey || reveal.reveal?.answered !== o.phones || total !== o.phones) f.problems.push(`the projector's reveal: step ${reveal.step.key}, ${reveal.reveal?.answered} answered, ${total} votes; expected ${stepKey}, ${o.phones}`);
    for (const [i, p] of phones.entries()) {
      const v = (await p.stream.waitFor((e) => e.event === "view" && e.data.seq === revealed, `phone ${i + 1}'s reveal`)).data;
      // A phone that resumed at the current seq is sent nothing until the next change.
      const older = views(p.stream).filter((e) => e.data.seq < revealed);
      if (i % 2 === 0 && older.length) f.problems.push(`phone ${i + 1} resumed with Last-Event-ID ${before[i].seq} and was sent seq ${older[0].data.seq} again`);
      if (v.step.key !== stepKey || v.phase !== "revealed" || JSON.stringify(v.answer) !== JSON.stringify(p.answer.chosen) || !v.result) f.problems.push(`phone ${i + 1}'s reveal: ${JSON.stringify(v).slice(0, 300)}`);
    }

    // In the database: exactly the phones' answers, each once, as sent.
    const rows = await store.liveAnswers(session.id);
    f.storedAnswers = rows.length;
    const byId = new Map(rows.map((r) => [r.id, r]));
    if (rows.length !== o.phones || byId.size !== rows.length) f.problems.push(`${rows.length} answers stored (${byId.size} ids) for ${o.phones} phones`);
    for (const p of phones) {
      const row = byId.get(p.answer.id);
      if (!row) f.problems.push(`phone answer ${p.answer.id} (acknowledged: ${p.acknowledged}) is not stored`);
      else if (row.round !== p.answer.round || row.choice !== JSON.stringify(p.answer.chosen)) f.problems.push(`answer ${p.answer.id} stored as ${row.round} ${row.choice}`);
    }
    await control({ type: "end" });
    o.progress(`${store.engine} live: ${o.phones} phones, killed after ${f.acknowledgedBeforeKill} acknowledged answers with ${f.inFlightAtKill} in flight (${f.committedButUnacknowledged} of them committed), ${f.resentAfterRestart} sent after the restart, ${f.deliberateResends} resent on purpose; resumed at seq ${seq}, revealed at ${revealed}`);
  } catch (e) {
    f.problems.push(`${(e as Error).stack ?? e}\n--- server log (tail):\n${server.logTail()}`);
  } finally {
    await Promise.all(streams.map((s) => s.close()));
    await server.kill().catch((e) => f.problems.push(`could not stop the server: ${(e as Error).message}`));
    f.seconds = (Date.now() - started) / 1000;
  }
  return f;
}

/** A lesson quiz question with one answer per phone (single choice or true/false). */
function pickQuestion(seed: number) {
  const candidates = loadActivities().flatMap((a) => a.quiz.questions.filter((q) => q.type === "single" || q.type === "true-false").map((q) => ({ lessonId: a.lessonId, question: { courseId: a.courseId, id: q.id, options: q.options.map((x) => x.id) } })));
  if (!candidates.length) throw new Error("no single-choice lesson question in the content");
  return candidates[seed % candidates.length];
}
