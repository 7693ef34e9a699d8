"use client";
// A live phone's answer to the round on screen. The quiz runner's reducer (lib/quiz/runner-state.ts)
// holds its state with pacing "facilitator" and one question (the round): "answer" when it goes
// into the outbox, "reveal" when the server has acknowledged it (or the view says it holds it),
// "fail" when the server refused it. The answer travels through the outbox with a client id, so a
// resend is the same answer; after a reload the view's `answer` (stored) or the outbox (waiting)
// puts it back on screen.
import { useEffect, useReducer, useState, useSyncExternalStore } from "react";
import { enqueue, outboxStatus, queuedItems, subscribeOutbox } from "@/components/progress/outbox";
import { uuid } from "@/components/ui/uuid";
import { initialRunnerState, runnerReducer, type RunnerState } from "@/lib/quiz/runner-state";

/** What the phone knows of its answer: none yet, on its way, stored, or refused (a closed round). */
export type AnswerStatus = "open" | "sending" | "sent" | "refused";

interface Body {
  id: string;
  round: string;
  chosen: string[];
}

/** The grade the reducer records: only that the server holds the answer (the result comes in the view). */
type Held = "held";
type State = RunnerState<Held, null>;

export const liveAnswersUrl = (sessionId: string) => `/api/live/${encodeURIComponent(sessionId)}/answers`;

function start(round: string, stored: readonly string[] | null): State {
  const fresh = initialRunnerState<Held, null>({ questionIds: [round], pacing: "facilitator", feedback: true });
  return stored ? runnerReducer(fresh, { type: "resume", answers: { [round]: "held" } }) : fresh;
}

/** This round's answer still waiting in the outbox, as JSON (a stable snapshot), or "". */
function queuedJson(url: string, round: string): string {
  const item = queuedItems().find((i) => i.url === url && (i.body as Body | null)?.round === round);
  return item ? JSON.stringify(item.body) : "";
}

export function usePhoneAnswer(sessionId: string, round: string, stored: readonly string[] | null) {
  const url = liveAnswersUrl(sessionId);
  const [state, dispatch] = useReducer(runnerReducer<Held, null>, null, () => start(round, stored));
  const [mine, setMine] = useState<Body | null>(null);
  const [refused, setRefused] = useState(false);
  const waiting = useSyncExternalStore(subscribeOutbox, () => queuedJson(url, round), () => "");
  const pending = mine ?? (waiting ? (JSON.parse(waiting) as Body) : null);
  const pendingId = pending?.id;
  const fate = useSyncExternalStore(subscribeOutbox, () => (pendingId ? (outboxStatus(pendingId) ?? "") : ""), () => "");

  // The outbox says what became of the answer: acknowledged, or refused for good.
  useEffect(() => {
    if (!pendingId) return;
    return subscribeOutbox(() => {
      const status = outboxStatus(pendingId);
      if (status === "sent") dispatch({ type: "reveal", questionId: round, grade: "held" });
      if (status === "refused") {
        setRefused(true);
        dispatch({ type: "fail", questionId: round });
      }
    });
  }, [pendingId, round]);

  const held = Boolean(stored) || state.step === "feedback" || fate === "sent";
  const status: AnswerStatus = held ? "sent" : refused || fate === "refused" ? "refused" : state.step === "sending" || waiting ? "sending" : "open";

  function send(chosen: string[]) {
    if (status !== "open" && status !== "refused") return;
    const body: Body = { id: uuid(), round, chosen };
    setMine(body);
    setRefused(false);
    dispatch({ type: "answer", questionId: round });
    // The phone's right to answer is its live cookie (or its account): not dropped if an account's session ends.
    enqueue({ id: body.id, method: "POST", url, body, auth: "cookie" });
  }

  /** The answer to show: the server's, else the one on its way. */
  const chosen = stored ?? (status === "refused" ? null : (pending?.chosen ?? null));
  return { status, chosen, send };
}
