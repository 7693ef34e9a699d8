"use client";
// This browser's copy of the learner's arms in a course's experiments (lib/quiz/experiments.ts):
// which check form comes first and which version of each bias pair is shown. A signed-in
// learner's arms are drawn and recorded by the server (/api/progress/arms); the copy here only
// lets a saved lesson quiz show the right version offline. A guest's arms are drawn here, with
// the browser's cryptographic random source, and kept here. Signing out forgets both.
import type { Experiment } from "@/lib/quiz/experiments";
import { apiSend } from "@/components/api/api";

export const ARMS_KEY = "common-ground:arms:v1";

export type Arms = Record<string, string>;
/** "<scope>/<locale>/<course>" -> arms; scope is "guest" or "account". */
type Stored = Record<string, Arms>;

const ID = /^[a-z0-9:-]{1,120}$/;

/** Keeps only well-formed entries, so damaged storage never breaks a quiz. */
export function parseArms(raw: string | null): Stored {
  let data: unknown;
  try {
    data = raw ? JSON.parse(raw) : {};
  } catch {
    return {};
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return {};
  const out: Stored = {};
  for (const [key, arms] of Object.entries(data as Record<string, unknown>)) {
    if (!/^(guest|account)\/[a-z]{2}(-[A-Z]{2})?\/[a-z0-9-]+$/.test(key) || !arms || typeof arms !== "object" || Array.isArray(arms)) continue;
    const clean: Arms = {};
    for (const [id, arm] of Object.entries(arms as Record<string, unknown>)) if (ID.test(id) && typeof arm === "string" && ID.test(arm)) clean[id] = arm;
    out[key] = clean;
  }
  return out;
}

let memory: Stored = {};

function read(): Stored {
  try {
    return parseArms(window.localStorage.getItem(ARMS_KEY));
  } catch {
    return memory;
  }
}

function write(next: Stored) {
  memory = next;
  try {
    window.localStorage.setItem(ARMS_KEY, JSON.stringify(next));
  } catch {
    // Kept in memory for this page.
  }
}

const key = (scope: "guest" | "account", locale: string, courseId: string) => `${scope}/${locale}/${courseId}`;

/** A uniform index 0..n-1 from the browser's cryptographic source (rejection, no modulo bias). */
function randomIndex(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  do crypto.getRandomValues(buf);
  while (buf[0] >= limit);
  return buf[0] % n;
}

/** Fills in any experiment the stored arms lack (or hold an unknown arm for) with a fresh draw. */
export function completeArms(held: Arms, experiments: readonly Experiment[], draw: (n: number) => number = randomIndex): Arms {
  const out: Arms = {};
  for (const e of experiments) out[e.id] = held[e.id] !== undefined && e.arms.includes(held[e.id]) ? held[e.id] : e.arms[draw(e.arms.length)];
  return out;
}

/** A guest's arms for the course, drawn once and kept in this browser. */
export function guestArms(locale: string, courseId: string, experiments: readonly Experiment[]): Arms {
  const all = read();
  const k = key("guest", locale, courseId);
  const arms = completeArms(all[k] ?? {}, experiments);
  if (JSON.stringify(arms) !== JSON.stringify(all[k] ?? {})) write({ ...all, [k]: { ...all[k], ...arms } });
  return arms;
}

/** The signed-in learner's arms as the server recorded them: fetched, else the copy kept here. */
export async function accountArms(locale: string, courseId: string): Promise<Arms | null> {
  const k = key("account", locale, courseId);
  try {
    const { arms } = await apiSend<{ arms: Arms }>("POST", "/api/progress/arms", { locale, courseId });
    write({ ...read(), [k]: arms });
    return arms;
  } catch {
    // Offline or refused: the copy kept from the last visit, if any.
  }
  return read()[k] ?? null;
}

/** Forgets every arm kept here (at sign-out, so the next person on a shared device starts afresh). */
export function clearArms() {
  memory = {};
  try {
    window.localStorage.removeItem(ARMS_KEY);
  } catch {
    // Nothing stored anyway.
  }
}
