// What a SCORM package remembers about one learner, and what it reports to the learning platform.
// Pure: bundled into the package's runner (lib/scorm/runtime/) and unit-tested here.
//
// The whole course is one SCO (docs/schools.md says why), so the learner's progress through its
// lessons lives in cmi.suspend_data, which SCORM 1.2 caps at 4,096 characters: it is kept as
// small JSON holding lesson positions, not ids (20 lessons with scores are about 150 characters).

export interface PackageLesson {
  id: string;
  /** The lesson's own practice quiz, if it has one. */
  quizId: string | null;
}

export interface LearnerState {
  /** Positions (in course order) of the lessons the learner has opened. */
  seen: number[];
  /** Best quiz percent (0-100) by lesson position. */
  best: Record<number, number>;
  /** Bias-check arms ("bias:<pair>" -> "a" | "b"): one version of each pair, drawn once, kept. */
  arms: Record<string, string>;
}

export const EMPTY_STATE: LearnerState = { seen: [], best: {}, arms: {} };

/** SCORM 1.2's cmi.suspend_data limit (CMIString4096); 2004 allows 64,000. */
export const SUSPEND_LIMIT_12 = 4096;

export function encodeState(state: LearnerState): string {
  return JSON.stringify({ v: 1, s: [...new Set(state.seen)].sort((a, b) => a - b), b: state.best, a: state.arms });
}

const isPosition = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) < 10_000;

/** The state from cmi.suspend_data; anything unreadable or unknown starts afresh rather than failing. */
export function decodeState(text: string | null | undefined): LearnerState {
  if (!text) return { seen: [], best: {}, arms: {} };
  try {
    const raw = JSON.parse(text) as { v?: unknown; s?: unknown; b?: unknown; a?: unknown };
    if (raw?.v !== 1) return { seen: [], best: {}, arms: {} };
    const seen = Array.isArray(raw.s) ? raw.s.filter(isPosition) : [];
    const best: Record<number, number> = {};
    if (raw.b && typeof raw.b === "object") {
      for (const [k, v] of Object.entries(raw.b)) {
        const i = Number(k);
        if (isPosition(i) && typeof v === "number" && v >= 0 && v <= 100) best[i] = Math.floor(v);
      }
    }
    const arms: Record<string, string> = {};
    if (raw.a && typeof raw.a === "object") {
      for (const [k, v] of Object.entries(raw.a)) if (v === "a" || v === "b") arms[k] = v;
    }
    return { seen, best, arms };
  } catch {
    return { seen: [], best: {}, arms: {} };
  }
}

export type Completion = "completed" | "incomplete";
export type Success = "passed" | "failed" | "unknown";

export interface Report {
  /** 0-100, whole: the mean of every lesson quiz's best percent (a quiz not taken counts 0). */
  raw: number;
  completion: Completion;
  success: Success;
  /** SCORM 1.2's single status, from the two above. */
  lessonStatus: "passed" | "failed" | "completed" | "incomplete";
  quizzesTaken: number;
  quizzes: number;
}

/**
 * What to report: completed once every lesson was opened and every quiz taken; then passed or
 * failed against the pass mark (failed can still become passed: the learner may retry any quiz).
 * A course without quizzes is only ever completed or incomplete.
 */
export function reportOf(lessons: readonly PackageLesson[], state: LearnerState, passPercent: number): Report {
  const withQuiz = lessons.map((l, i) => (l.quizId ? i : -1)).filter((i) => i >= 0);
  const taken = withQuiz.filter((i) => state.best[i] !== undefined).length;
  const sum = withQuiz.reduce((s, i) => s + (state.best[i] ?? 0), 0);
  const raw = withQuiz.length ? Math.floor(sum / withQuiz.length + 1e-9) : 0;
  const seen = new Set(state.seen);
  const complete = lessons.every((_, i) => seen.has(i)) && taken === withQuiz.length;
  const completion: Completion = complete ? "completed" : "incomplete";
  const success: Success = !complete || withQuiz.length === 0 ? "unknown" : raw >= passPercent ? "passed" : "failed";
  const lessonStatus = success === "unknown" ? completion : success;
  return { raw, completion, success, lessonStatus, quizzesTaken: taken, quizzes: withQuiz.length };
}

/** Keeps the better of an old best and a new percent. */
export function withBest(state: LearnerState, position: number, percent: number): LearnerState {
  const old = state.best[position];
  return { ...state, best: { ...state.best, [position]: old === undefined ? percent : Math.max(old, percent) } };
}

export function withSeen(state: LearnerState, position: number): LearnerState {
  return state.seen.includes(position) ? state : { ...state, seen: [...state.seen, position] };
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function timespan12(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.min(9999, Math.floor(cs / 360_000));
  const m = Math.floor((cs % 360_000) / 6000);
  const s = (cs % 6000) / 100;
  return `${String(h).padStart(4, "0")}:${String(m).padStart(2, "0")}:${s.toFixed(2).padStart(5, "0")}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration): PT#H#M#S. */
export function duration2004(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h}H${m}M${s.toFixed(2)}S`;
}
