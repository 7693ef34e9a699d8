"use client";
// The quiz attempt under way for each activity, kept in this browser. Its id is the seed that
// orders the options (lib/quiz/shuffle.ts) and, for a signed-in learner, the attempt the server
// records, so a reload shows the same order and answers go on into the same attempt. Finishing
// forgets it (the next visit is a new attempt); a retry starts a new one at once. An attempt left
// for a day is forgotten too, so a quiz opened weeks later does not continue an old attempt.
import { uuid } from "@/components/ui/uuid";

export const ATTEMPTS_KEY = "common-ground:attempts:v1";
export const ATTEMPT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

type Attempts = Record<string, { id: string; startedAt: number }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps only well-formed, recent entries, so a damaged or stale value never breaks a quiz. */
export function parseAttempts(raw: string | null, now: number): Attempts {
  let data: unknown;
  try {
    data = raw ? JSON.parse(raw) : {};
  } catch {
    return {};
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return {};
  const out: Attempts = {};
  for (const [key, v] of Object.entries(data as Record<string, unknown>)) {
    const entry = v as { id?: unknown; startedAt?: unknown } | null;
    if (!entry || typeof entry.id !== "string" || !UUID.test(entry.id) || typeof entry.startedAt !== "number") continue;
    if (entry.startedAt > now || now - entry.startedAt > ATTEMPT_MAX_AGE_MS) continue;
    out[key] = { id: entry.id, startedAt: entry.startedAt };
  }
  return out;
}

// Where storage is blocked, attempts live in memory for this page, as progress does.
let memory: Attempts = {};

function read(): Attempts {
  try {
    return parseAttempts(window.localStorage.getItem(ATTEMPTS_KEY), Date.now());
  } catch {
    return parseAttempts(JSON.stringify(memory), Date.now());
  }
}

function write(next: Attempts) {
  memory = next;
  try {
    window.localStorage.setItem(ATTEMPTS_KEY, JSON.stringify(next));
  } catch {
    // The in-memory copy keeps the order stable until the page is left.
  }
}

/** The attempt under way for this activity, or a new one when there is none. */
export function resumeAttempt(activityKey: string): string {
  return read()[activityKey]?.id ?? startAttempt(activityKey);
}

/** A new attempt (a retry): a new id, so a new order of options. */
export function startAttempt(activityKey: string): string {
  const id = uuid();
  write({ ...read(), [activityKey]: { id, startedAt: Date.now() } });
  return id;
}

/** The attempt is over: the next visit starts a new one. */
export function endAttempt(activityKey: string) {
  const { [activityKey]: _ended, ...rest } = read();
  write(rest);
}

/** Forgets every attempt (at sign-out, so the next person on a shared device starts afresh). */
export function clearAttempts() {
  memory = {};
  try {
    window.localStorage.removeItem(ATTEMPTS_KEY);
  } catch {
    // Nothing stored anyway.
  }
}
