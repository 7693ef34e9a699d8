// The hall's phones (suite 7, bench/suites/hall.ts): one process, pinned to the load core, that
// plays `phones` phones on a hall's Wi-Fi. Each joins the group with a nickname (the realistic hall
// path: no email) from its own LAN address and signs in; then all of them at once open the quiz's
// lesson page and its quiz page, and answer every question and finish, as fast as the server lets
// them. Prints one JSON line (HallResult) on stdout.
import crypto from "node:crypto";
import fs from "node:fs";
import { CookieJar } from "./http";

export interface HallJob {
  origin: string;
  code: string;
  phones: number;
  /** Phones joining at the same time (a room does not join in one instant: people type). */
  joinConcurrency: number;
  pages: string[];
  locale: string;
  courseId: string;
  lessonId: string;
  questions: { id: string; chosen: string[] }[];
}

export interface Timings {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

export interface HallResult {
  join: Timings;
  joinSeconds: number;
  page: Timings;
  answer: Timings;
  /** The whole burst: from every phone opening the page to the last answer acknowledged. */
  burstSeconds: number;
  errors: number;
  statuses: Record<string, number>;
  firstError?: string;
}

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as HallJob;
const statuses: Record<string, number> = {};
let errors = 0;
let firstError: string | undefined;

function timings(xs: number[]): Timings {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN);
  return { p50: at(0.5), p99: at(0.99), max: s.at(-1) ?? NaN, count: s.length };
}

/** One request, timed; a non-2xx or a network error is counted (and the first one kept). */
async function timed(what: string, url: string, init: RequestInit, into: number[]): Promise<Response | null> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, init);
    await res.arrayBuffer().catch(() => undefined);
    into.push(performance.now() - t0);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status >= 400) {
      errors++;
      firstError ??= `${what}: ${res.status}`;
    }
    return res;
  } catch (e) {
    errors++;
    firstError ??= `${what}: ${e instanceof Error ? e.message : String(e)}`;
    return null;
  }
}

interface Phone {
  n: number;
  jar: CookieJar;
  /** Its address on the hall's Wi-Fi, as next start would see it (10.42.x.y). */
  address: string;
}

const headersOf = (p: Phone, json = false): Record<string, string> => ({
  cookie: p.jar.header(),
  "x-forwarded-for": p.address,
  origin: job.origin,
  ...(json ? { "content-type": "application/json" } : {}),
});

async function join(p: Phone, joinTimes: number[]): Promise<boolean> {
  const t0 = performance.now();
  const joined = await fetch(`${job.origin}/api/join/nickname`, { method: "POST", headers: headersOf(p, true), body: JSON.stringify({ code: job.code, nickname: `Phone ${p.n}` }) });
  if (joined.status !== 201) {
    errors++;
    firstError ??= `join: ${joined.status} ${await joined.text()}`;
    return false;
  }
  const { loginName, passphrase } = (await joined.json()) as { loginName: string; passphrase: string };
  const csrf = await fetch(`${job.origin}/api/auth/csrf`, { headers: headersOf(p) });
  p.jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${job.origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headersOf(p), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email: loginName, password: passphrase, json: "true" }),
  });
  p.jar.take(signIn);
  await signIn.arrayBuffer();
  joinTimes.push(performance.now() - t0);
  if (!p.jar.header().includes("session-token")) {
    errors++;
    firstError ??= `sign-in of phone ${p.n}: ${signIn.status}`;
    return false;
  }
  return true;
}

async function main() {
  const phones: Phone[] = Array.from({ length: job.phones }, (_, n) => ({ n, jar: new CookieJar(), address: `10.42.${Math.floor(n / 250)}.${(n % 250) + 2}` }));
  const joinTimes: number[] = [];
  const j0 = performance.now();
  const ready: Phone[] = [];
  for (let i = 0; i < phones.length; i += job.joinConcurrency) {
    const batch = phones.slice(i, i + job.joinConcurrency);
    const ok = await Promise.all(batch.map((p) => join(p, joinTimes)));
    batch.forEach((p, k) => ok[k] && ready.push(p));
  }
  const joinSeconds = (performance.now() - j0) / 1000;

  const pageTimes: number[] = [];
  const answerTimes: number[] = [];
  const b0 = performance.now();
  // Everyone at once: the facilitator says "open lesson 3 and do its quiz".
  await Promise.all(
    ready.map(async (p) => {
      for (const path of job.pages) await timed("page", `${job.origin}${path}`, { headers: headersOf(p) }, pageTimes);
      const attemptId = crypto.randomUUID();
      for (const q of job.questions) {
        const body = { id: crypto.randomUUID(), attemptId, locale: job.locale, courseId: job.courseId, lessonId: job.lessonId, questionId: q.id, chosen: q.chosen };
        await timed("answer", `${job.origin}/api/progress/answers`, { method: "POST", headers: headersOf(p, true), body: JSON.stringify(body) }, answerTimes);
      }
      await timed("finish", `${job.origin}/api/progress/attempts/finish`, { method: "POST", headers: headersOf(p, true), body: JSON.stringify({ attemptId, locale: job.locale }) }, answerTimes);
    }),
  );
  const burstSeconds = (performance.now() - b0) / 1000;
  const result: HallResult = { join: timings(joinTimes), joinSeconds, page: timings(pageTimes), answer: timings(answerTimes), burstSeconds, errors, statuses, firstError };
  console.log(JSON.stringify(result));
}

void main();
