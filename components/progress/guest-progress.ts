"use client";
// Progress kept in this browser's localStorage, so it survives reloads and browser restarts.
// For a guest it is the only record and never leaves the device; for a signed-in learner it is a
// cache of the server's record (components/progress/sync.ts), cleared at sign-out.
import { useSyncExternalStore } from "react";
import { parseProgressKey } from "@/lib/content/activity-id";
export { lessonKey } from "./lesson-key";

export const STORAGE_KEY = "common-ground:progress:v1";

export interface LessonProgress {
  /** ISO time the lesson was marked done (by the learner or by finishing its quiz). */
  doneAt?: string;
  /** Quiz scores as whole percents. */
  bestPercent?: number;
  lastPercent?: number;
  attempts: number;
}

export interface GuestProgress {
  version: 1;
  /** Keyed by lessonKey(): "<locale>/<course>/<lesson>". */
  lessons: Record<string, LessonProgress>;
  last?: { href: string; title: string; at: string };
}

const EMPTY: GuestProgress = { version: 1, lessons: {} };

/** Accepts only well-formed entries, so a damaged or old value never breaks a page. */
export function parseProgress(raw: string | null): GuestProgress {
  if (!raw) return EMPTY;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY;
  }
  if (!data || typeof data !== "object" || (data as GuestProgress).version !== 1) return EMPTY;
  const src = data as Partial<GuestProgress>;
  const lessons: Record<string, LessonProgress> = {};
  for (const [key, v] of Object.entries(src.lessons ?? {})) {
    // Only keys the account merge accepts (lib/progress/inputs.ts): one it refused would stop the whole merge.
    if (!v || typeof v !== "object" || !parseProgressKey(key)) continue;
    const pct = (n: unknown) => (typeof n === "number" && n >= 0 && n <= 100 ? Math.floor(n) : undefined);
    lessons[key] = {
      doneAt: typeof v.doneAt === "string" ? v.doneAt : undefined,
      bestPercent: pct(v.bestPercent),
      lastPercent: pct(v.lastPercent),
      attempts: typeof v.attempts === "number" && v.attempts >= 0 ? Math.floor(v.attempts) : 0,
    };
  }
  const last = src.last;
  const lastOk = last && typeof last.href === "string" && /^\/(?![/\\])/.test(last.href) && typeof last.title === "string";
  return { version: 1, lessons, last: lastOk ? { href: last.href, title: last.title, at: String(last.at ?? "") } : undefined };
}

// One parsed snapshot per raw string, as useSyncExternalStore needs a stable value.
let cachedRaw: string | null = null;
let cached: GuestProgress = EMPTY;
const listeners = new Set<() => void>();

function read(): GuestProgress {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode, policy): then progress lives only for this page.
    return cached;
  }
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = parseProgress(raw);
  }
  return cached;
}

function write(next: GuestProgress) {
  cached = next;
  try {
    cachedRaw = JSON.stringify(next);
    window.localStorage.setItem(STORAGE_KEY, cachedRaw);
  } catch {
    // Keep the in-memory copy; the page still works.
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === STORAGE_KEY || e.key === null) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The guest's progress, or null while rendering on the server and before hydration. */
export function useGuestProgress(): GuestProgress | null {
  return useSyncExternalStore(subscribe, read, () => null);
}

function update(key: string, change: (p: LessonProgress) => LessonProgress) {
  const current = read();
  const before = current.lessons[key] ?? { attempts: 0 };
  write({ ...current, lessons: { ...current.lessons, [key]: change(before) } });
}

export function markLessonDone(key: string, done: boolean) {
  update(key, (p) => ({ ...p, doneAt: done ? (p.doneAt ?? new Date().toISOString()) : undefined }));
}

/** Records a finished quiz attempt; finishing a lesson's quiz also marks the lesson done. */
export function recordQuizAttempt(key: string, percent: number) {
  update(key, (p) => ({
    ...p,
    doneAt: p.doneAt ?? new Date().toISOString(),
    attempts: p.attempts + 1,
    lastPercent: percent,
    bestPercent: Math.max(p.bestPercent ?? 0, percent),
  }));
}

/** The current progress, read directly (for sync code outside React). */
export function readProgress(): GuestProgress {
  return read();
}

/** Replaces the whole store (after loading a signed-in learner's record from the server). */
export function replaceProgress(next: GuestProgress) {
  write(next);
}

/** Forgets everything kept in this browser (at sign-out, so a shared device keeps nothing). */
export function clearProgress() {
  write(EMPTY);
  try {
    window.localStorage.removeItem(STORAGE_KEY);
    cachedRaw = null;
  } catch {
    // Nothing stored anyway.
  }
}

export function rememberLastVisited(href: string, title: string) {
  const current = read();
  if (current.last?.href === href) return;
  write({ ...current, last: { href, title, at: new Date().toISOString() } });
}
