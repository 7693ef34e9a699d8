// The hall's phones (suite 7, bench/suites/hall.ts): one process, pinned to the load core, that
// plays `phones` phones on a hall's Wi-Fi, each with its own keep-alive connection (node:http, no
// client-side timeout, like a phone's browser). Phase "join": each joins the group with a nickname
// (the realistic hall path: no email) from its own LAN address and signs in; the phones are saved
// to a file. Phase "burst": all of them at once open the quiz's lesson page and its quiz page, then
// answer every question and finish, as fast as the server lets them. Phase "paced": the same, but
// each phone reads every question for a few seconds before it answers, as a room does. Prints one
// JSON line.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";

export interface HallJob {
  phase: "join" | "burst" | "paced";
  origin: string;
  /** Where the join phase writes the phones and the burst phase reads them. */
  phonesFile: string;
  code: string;
  phones: number;
  /** Phones joining at the same time (a room does not join in one instant: people type). */
  joinConcurrency: number;
  pages: string[];
  locale: string;
  courseId: string;
  lessonId: string;
  questions: { id: string; chosen: string[] }[];
  /** Phase "paced": each phone reads for a random time in [min, max] ms before each answer. */
  readingMs?: [number, number];
}

export interface Timings {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

export interface JoinResult {
  join: Timings;
  seconds: number;
  joined: number;
  errors: number;
  firstError?: string;
}

export interface BurstResult {
  page: Timings;
  answer: Timings;
  /** From every phone opening the page to the last answer acknowledged. */
  seconds: number;
  errors: number;
  statuses: Record<string, number>;
  firstError?: string;
}

interface Phone {
  n: number;
  /** Its address on the hall's Wi-Fi, as next start would see it (10.42.x.y). */
  address: string;
  cookies: Record<string, string>;
}

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as HallJob;
const target = new URL(job.origin);
const statuses: Record<string, number> = {};
let errors = 0;
let firstError: string | undefined;
const agents = new Map<number, http.Agent>();

function timings(xs: number[]): Timings {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN);
  return { p50: at(0.5), p99: at(0.99), max: s.at(-1) ?? NaN, count: s.length };
}

/**
 * One request of one phone on its own connection; its cookies are kept as a browser would. When a
 * kept-alive connection turns out to have been closed by the server as the request went out (its
 * idle timeout is 5 s, and a phone reading a question waits longer), the request is sent again
 * once on a new connection, as browsers do; nothing of it had reached the app, and an answer's
 * client id would make a second copy harmless anyway.
 */
async function call(p: Phone, method: "GET" | "POST", path: string, body?: string, type = "application/json"): Promise<{ status: number; text: string }> {
  try {
    return await callOnce(p, method, path, body, type);
  } catch (e) {
    const reused = (e as { reusedSocket?: boolean }).reusedSocket;
    const code = (e as NodeJS.ErrnoException).code;
    if (!reused || (code !== "ECONNRESET" && code !== "EPIPE")) throw e;
    return callOnce(p, method, path, body, type);
  }
}

function callOnce(p: Phone, method: "GET" | "POST", path: string, body?: string, type = "application/json"): Promise<{ status: number; text: string }> {
  let agent = agents.get(p.n);
  if (!agent) agents.set(p.n, (agent = new http.Agent({ keepAlive: true, maxSockets: 1 })));
  const headers: Record<string, string | number> = {
    cookie: Object.entries(p.cookies).map(([k, v]) => `${k}=${v}`).join("; "),
    "x-forwarded-for": p.address,
    ...(method === "POST" ? { origin: job.origin, "content-type": type, "content-length": Buffer.byteLength(body ?? "") } : {}),
  };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path, method, agent, headers }, (res) => {
      for (const c of res.headers["set-cookie"] ?? []) {
        const [pair] = c.split(";");
        const i = pair.indexOf("=");
        if (i > 0) p.cookies[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
      }
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("error", (e) => reject(Object.assign(e, { reusedSocket: req.reusedSocket })));
    req.end(body);
  });
}

/** A request, timed; a 4xx/5xx or a network error is counted (and the first one kept). */
async function timed(what: string, into: number[], ...args: Parameters<typeof call>): Promise<void> {
  const t0 = performance.now();
  try {
    const res = await call(...args);
    into.push(performance.now() - t0);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status >= 400) {
      errors++;
      firstError ??= `${what}: ${res.status} ${res.text.slice(0, 120)}`;
    }
  } catch (e) {
    errors++;
    firstError ??= `${what}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

async function join(p: Phone, times: number[]): Promise<boolean> {
  const t0 = performance.now();
  try {
    const joined = await call(p, "POST", "/api/join/nickname", JSON.stringify({ code: job.code, nickname: `Phone ${p.n}` }));
    if (joined.status !== 201) throw new Error(`join ${joined.status} ${joined.text.slice(0, 120)}`);
    const { loginName, passphrase } = JSON.parse(joined.text) as { loginName: string; passphrase: string };
    const { csrfToken } = JSON.parse((await call(p, "GET", "/api/auth/csrf")).text) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email: loginName, password: passphrase, json: "true" }).toString();
    const signIn = await call(p, "POST", "/api/auth/callback/credentials", form, "application/x-www-form-urlencoded");
    if (!Object.keys(p.cookies).some((k) => k.includes("session-token"))) throw new Error(`sign-in ${signIn.status}`);
    times.push(performance.now() - t0);
    return true;
  } catch (e) {
    errors++;
    firstError ??= `phone ${p.n}: ${e instanceof Error ? e.message : String(e)}`;
    return false;
  }
}

async function joinPhase(): Promise<JoinResult> {
  const phones: Phone[] = Array.from({ length: job.phones }, (_, n) => ({ n, address: `10.42.${Math.floor(n / 250)}.${(n % 250) + 2}`, cookies: {} }));
  const times: number[] = [];
  const t0 = performance.now();
  const ready: Phone[] = [];
  for (let i = 0; i < phones.length; i += job.joinConcurrency) {
    const batch = phones.slice(i, i + job.joinConcurrency);
    const ok = await Promise.all(batch.map((p) => join(p, times)));
    batch.forEach((p, k) => ok[k] && ready.push(p));
  }
  fs.writeFileSync(job.phonesFile, JSON.stringify(ready));
  return { join: timings(times), seconds: (performance.now() - t0) / 1000, joined: ready.length, errors, firstError };
}

/** Phase "burst": no reading time; "paced": each question read for a while first (job.readingMs). */
async function burstPhase(): Promise<BurstResult> {
  const phones = JSON.parse(fs.readFileSync(job.phonesFile, "utf8")) as Phone[];
  const pageTimes: number[] = [];
  const answerTimes: number[] = [];
  const t0 = performance.now();
  // Everyone at once: the facilitator says "open the lesson and do its quiz".
  await Promise.all(
    phones.map(async (p) => {
      for (const path of job.pages) await timed("page", pageTimes, p, "GET", path);
      const attemptId = crypto.randomUUID();
      for (const q of job.questions) {
        if (job.phase === "paced" && job.readingMs) {
          const [min, max] = job.readingMs;
          await new Promise((r) => setTimeout(r, min + Math.random() * (max - min)));
        }
        const body = { id: crypto.randomUUID(), attemptId, locale: job.locale, courseId: job.courseId, lessonId: job.lessonId, questionId: q.id, chosen: q.chosen };
        await timed("answer", answerTimes, p, "POST", "/api/progress/answers", JSON.stringify(body));
      }
      await timed("finish", answerTimes, p, "POST", "/api/progress/attempts/finish", JSON.stringify({ attemptId, locale: job.locale }));
    }),
  );
  return { page: timings(pageTimes), answer: timings(answerTimes), seconds: (performance.now() - t0) / 1000, errors, statuses, firstError };
}

void (job.phase === "join" ? joinPhase() : burstPhase()).then((r) => {
  for (const a of agents.values()) a.destroy();
  console.log(JSON.stringify(r));
});
