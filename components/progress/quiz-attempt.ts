"use client";
// The quiz attempt under way for each activity, kept in this browser. Its id is the seed that
// orders the options (lib/quiz/shuffle.ts) and, for a signed-in learner, the attempt the server
// records, so a reload shows the same order and answers go on into the same attempt. The answers
// given so far are kept with it, so a reload continues at the question where the learner stopped
// instead of at question 1. Finishing forgets it (the next visit is a new attempt); a retry starts
// a new one at once, with no answers. An attempt left for a day is forgotten too, so a quiz opened
// weeks later does not continue an old attempt.
import { uuid } from "@/components/ui/uuid";
import type { RevealedAnswer } from "@/lib/quiz/public";

export const ATTEMPTS_KEY = "common-ground:attempts:v1";
export const ATTEMPT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * One answer of the attempt. `chosen` as sent for grading; `graded`, for a quiz graded on the
 * server, its grade as the server returned it (the lesson runner grades `chosen` again instead).
 */
export interface StoredAnswer {
  chosen: string[];
  graded?: RevealedAnswer;
}

interface Attempt {
  id: string;
  startedAt: number;
  /** By question id. */
  answers: Record<string, StoredAnswer>;
}

type Attempts = Record<string, Attempt>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Question ids are slugs (lib/content/schema.ts); this also keeps out keys such as "__proto__".
const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Generous bounds on what a real answer holds; anything beyond is damage, not an answer.
const MAX_ITEMS = 100;
const MAX_TEXT = 5000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.length <= MAX_TEXT;
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= MAX_ITEMS && v.every(isText);
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_ITEMS;

/** A server grade read back from storage, copied field by field, or null when anything is off. */
function parseGrade(questionId: string, v: unknown): RevealedAnswer | null {
  if (!isRecord(v) || v.questionId !== questionId || !isText(v.explanation)) return null;
  if (v.verdict !== "correct" && v.verdict !== "partial" && v.verdict !== "incorrect") return null;
  if (typeof v.points !== "number" || !(v.points >= 0 && v.points <= 1)) return null;
  if (!Array.isArray(v.feedback) || v.feedback.length > MAX_ITEMS) return null;
  const feedback = [];
  for (const f of v.feedback as unknown[]) {
    if (!isRecord(f) || !isText(f.optionId) || typeof f.chosen !== "boolean" || typeof f.correct !== "boolean" || !isText(f.feedback)) return null;
    feedback.push({ optionId: f.optionId, chosen: f.chosen, correct: f.correct, feedback: f.feedback });
  }
  const reveal = v.reveal;
  if (!isRecord(reveal) || !isTextList(reveal.correct)) return null;
  let techniques: Record<string, string> | undefined;
  if (reveal.techniques !== undefined) {
    if (!isRecord(reveal.techniques) || !Object.values(reveal.techniques).every(isText)) return null;
    techniques = { ...(reveal.techniques as Record<string, string>) };
  }
  const grade: RevealedAnswer = { questionId, verdict: v.verdict, points: v.points, feedback, explanation: v.explanation, reveal: { correct: [...reveal.correct], ...(techniques ? { techniques } : {}) } };
  if (v.discernment !== undefined) {
    const d = v.discernment;
    if (!isRecord(d) || !isCount(d.hits) || !isCount(d.misses) || !isCount(d.falseAlarms) || !isCount(d.correctRejections)) return null;
    grade.discernment = { hits: d.hits, misses: d.misses, falseAlarms: d.falseAlarms, correctRejections: d.correctRejections };
  }
  return grade;
}

/** The well-formed answers of a stored attempt; a damaged one is dropped, the others kept. */
function parseAnswers(v: unknown): Record<string, StoredAnswer> {
  const out: Record<string, StoredAnswer> = {};
  if (!isRecord(v)) return out;
  for (const [questionId, a] of Object.entries(v)) {
    if (!QUESTION_ID.test(questionId) || !isRecord(a) || !isTextList(a.chosen)) continue;
    if (a.graded === undefined) {
      out[questionId] = { chosen: [...a.chosen] };
      continue;
    }
    const graded = parseGrade(questionId, a.graded);
    if (graded) out[questionId] = { chosen: [...a.chosen], graded };
  }
  return out;
}

/** Keeps only well-formed, recent entries, so a damaged or stale value never breaks a quiz. */
export function parseAttempts(raw: string | null, now: number): Attempts {
  let data: unknown;
  try {
    data = raw ? JSON.parse(raw) : {};
  } catch {
    return {};
  }
  if (!isRecord(data)) return {};
  const out: Attempts = {};
  for (const [key, v] of Object.entries(data)) {
    const entry = v as { id?: unknown; startedAt?: unknown; answers?: unknown } | null;
    if (!entry || typeof entry.id !== "string" || !UUID.test(entry.id) || typeof entry.startedAt !== "number") continue;
    if (entry.startedAt > now || now - entry.startedAt > ATTEMPT_MAX_AGE_MS) continue;
    out[key] = { id: entry.id, startedAt: entry.startedAt, answers: parseAnswers(entry.answers) };
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
  write({ ...read(), [activityKey]: { id, startedAt: Date.now(), answers: {} } });
  return id;
}

/** The answers given so far in this attempt (none when it is no longer the one under way). */
export function attemptAnswers(activityKey: string, attemptId: string): Record<string, StoredAnswer> {
  const entry = read()[activityKey];
  return entry?.id === attemptId ? entry.answers : {};
}

/** Keeps one answer with its attempt, if that attempt is still the one under way here. */
export function saveAnswer(activityKey: string, attemptId: string, questionId: string, answer: StoredAnswer) {
  const all = read();
  const entry = all[activityKey];
  // Ended or replaced (another tab finished it, a day passed): nothing to continue, keep nothing.
  if (entry?.id !== attemptId) return;
  write({ ...all, [activityKey]: { ...entry, answers: { ...entry.answers, [questionId]: answer } } });
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
