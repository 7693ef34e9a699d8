// A quiz's state while it is taken, as a pure reducer shared by every runner: the lesson quiz
// (graded in the browser), the server-graded checks and boosters, and the live workshop's phone
// view (issue #24). What differs between them is passed in, not built in:
// - pacing: "learner" (the learner moves on with "next" and "finish") or "facilitator" (only the
//   facilitator's "advance" and "end" move the quiz; the learner's own are refused);
// - answer sending: the reducer only records that an answer is on its way ("answer") and what the
//   grade was when it comes back ("reveal") or that it failed ("fail"); who grades and how the
//   answer travels (local grading, the outbox, a grade request, a live session) is the caller's.
// No I/O, no clock: table-tested in runner-state.test.ts.

export type Pacing = "learner" | "facilitator";

/**
 * answering: the current question waits for an answer; sending: its answer is on its way;
 * feedback: its grade is in (shown, or kept for the end when feedback is off); done: finished.
 */
export type RunnerStep = "answering" | "sending" | "feedback" | "done";

export interface RunnerOptions {
  questionIds: readonly string[];
  pacing: Pacing;
  /** False for a measurement (a starting or final check): a grade is kept for the end and the quiz moves straight on. */
  feedback: boolean;
}

export interface RunnerState<G, R> extends RunnerOptions {
  step: RunnerStep;
  /** The current question (the last one once done). */
  index: number;
  /** Grades by question id, in the order they came. */
  answers: Readonly<Record<string, G>>;
  /** The result, once done. */
  result: R | null;
}

export type RunnerAction<G, R> =
  /** The learner answers the current question; refused for any other question or while one is on its way. */
  | { type: "answer"; questionId: string }
  /** A grade arrives (from local grading, the server, or a live session's reveal). */
  | { type: "reveal"; questionId: string; grade: G }
  /** The answer could not be graded (offline, refused): the question is asked again. */
  | { type: "fail"; questionId: string }
  /** Learner pacing: on to the next question after the feedback. */
  | { type: "next" }
  /** Learner pacing: the last question's feedback seen (or a check's last grade in), the quiz ends. */
  | { type: "finish"; result: R }
  /** Facilitator pacing: the facilitator opens question `index` (answered or not). */
  | { type: "advance"; index: number }
  /** Facilitator pacing: the facilitator ends the quiz. */
  | { type: "end"; result: R }
  /**
   * The start of an attempt, or its return after a reload: the grades kept for it, its questions
   * in this attempt's order when that is known only now, and for facilitator pacing, where the
   * facilitator is.
   */
  | { type: "resume"; answers: Readonly<Record<string, G>>; questionIds?: readonly string[]; index?: number }
  /** A new attempt from the start. */
  | { type: "retry" };

export function initialRunnerState<G, R>(options: RunnerOptions): RunnerState<G, R> {
  return { ...options, step: "answering", index: 0, answers: {}, result: null };
}

/** The first question with no grade; the last one (all answered) when every question has one. */
export function resumeIndex(questionIds: readonly string[], answered: Readonly<Record<string, unknown>>): { index: number; allAnswered: boolean } {
  const index = questionIds.findIndex((id) => !Object.hasOwn(answered, id));
  if (index >= 0 || questionIds.length === 0) return { index: Math.max(index, 0), allAnswered: false };
  return { index: questionIds.length - 1, allAnswered: true };
}

const isLast = (s: RunnerState<unknown, unknown>) => s.index === s.questionIds.length - 1;

/** The question at `index`, asked, or shown with its grade when it has one and feedback is on. */
function at<G, R>(s: RunnerState<G, R>, index: number): RunnerState<G, R> {
  const answered = Object.hasOwn(s.answers, s.questionIds[index]);
  return { ...s, index, step: answered && s.feedback ? "feedback" : "answering" };
}

export function runnerReducer<G, R>(state: RunnerState<G, R>, action: RunnerAction<G, R>): RunnerState<G, R> {
  const current = state.questionIds[state.index];
  const learnerPaced = state.pacing === "learner";
  switch (action.type) {
    case "answer":
      if (state.step !== "answering" || action.questionId !== current) return state;
      return { ...state, step: "sending" };
    case "reveal": {
      // A grade for a question that is not the one on its way (late, or for a question the
      // facilitator has moved past) is kept, but moves nothing.
      if (!state.questionIds.includes(action.questionId) || state.step === "done") return state;
      const answers = { ...state.answers, [action.questionId]: action.grade };
      if (action.questionId !== current || (state.step !== "sending" && state.step !== "answering")) return { ...state, answers };
      // Without feedback a learner-paced quiz goes straight on (the last grade waits for "finish").
      if (!state.feedback && learnerPaced && !isLast(state)) return { ...state, answers, index: state.index + 1, step: "answering" };
      return { ...state, answers, step: "feedback" };
    }
    case "fail":
      if (state.step !== "sending" || action.questionId !== current) return state;
      return { ...state, step: "answering" };
    case "next":
      if (!learnerPaced || state.step !== "feedback" || isLast(state)) return state;
      return at(state, state.index + 1);
    case "finish":
      if (!learnerPaced || state.step !== "feedback" || !isLast(state)) return state;
      return { ...state, step: "done", result: action.result };
    case "advance":
      if (learnerPaced || state.step === "done" || !Number.isInteger(action.index) || action.index < 0 || action.index >= state.questionIds.length) return state;
      return at(state, action.index);
    case "end":
      if (learnerPaced || state.step === "done") return state;
      return { ...state, step: "done", result: action.result };
    case "resume": {
      const questionIds = action.questionIds ?? state.questionIds;
      const answers = Object.fromEntries(Object.entries(action.answers).filter(([id]) => questionIds.includes(id)));
      const resumed: RunnerState<G, R> = { ...state, questionIds, answers, result: null };
      if (!learnerPaced && action.index !== undefined && action.index >= 0 && action.index < questionIds.length) return at(resumed, action.index);
      const point = resumeIndex(questionIds, answers);
      // All answered but not finished (a reload before "See your score"): the last question as
      // answered, so one press finishes. A check shows no feedback: its last question is asked
      // again (the same answer id, so the server replays the stored grade).
      if (point.allAnswered && state.feedback) return { ...resumed, index: point.index, step: "feedback" };
      return { ...resumed, index: point.index, step: "answering" };
    }
    case "retry":
      return initialRunnerState<G, R>({ questionIds: state.questionIds, pacing: state.pacing, feedback: state.feedback });
  }
}

/** The current grade when the quiz shows it (feedback on and the current question graded). */
export function shownGrade<G, R>(state: RunnerState<G, R>): G | undefined {
  if (state.step !== "feedback" || !state.feedback) return undefined;
  return state.answers[state.questionIds[state.index]];
}
