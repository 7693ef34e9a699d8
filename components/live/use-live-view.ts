"use client";
// One screen's view of a live session, followed over Server-Sent Events (docs/live.md). The
// browser's EventSource resumes by itself with Last-Event-ID after a drop; this hook adds what it
// does not do: it starts again when the stream was closed for good (a proxy's error page, a
// restarted server that refused one attempt) and at once when the browser says it is back online,
// so a phone that was offline for 30 s is on the current step within a few seconds of the network
// returning. Views only move forward: an older seq than the one shown is ignored.
import { useCallback, useEffect, useRef, useState } from "react";
import type { FacilitatorView, ParticipantView, ProjectorView } from "@/lib/live/views";

export type LiveScreen = "facilitator" | "projector" | "participant";
type ViewOf<S extends LiveScreen> = S extends "facilitator" ? FacilitatorView : S extends "projector" ? ProjectorView : ParticipantView;

/** "live" while events flow, "reconnecting" after a drop (the last view stays on screen). */
export type LiveConnection = "connecting" | "live" | "reconnecting";

/** Delay before a closed stream is opened again; doubles up to the cap while it keeps failing. */
const RETRY_MS = 1_000;
const RETRY_CAP_MS = 8_000;

export function liveEventsUrl(sessionId: string, screen: LiveScreen, lastEventId?: number): string {
  const query = new URLSearchParams({ view: screen });
  if (lastEventId !== undefined) query.set("lastEventId", String(lastEventId));
  return `/api/live/${encodeURIComponent(sessionId)}/events?${query}`;
}

/**
 * The latest view of `screen` for the session, starting from `initial` (rendered by the server, so
 * the first paint needs no round trip). `view.phase === "ended"` means the stream is over.
 */
export function useLiveView<S extends LiveScreen>(
  sessionId: string,
  screen: S,
  initial: ViewOf<S> | null,
): { view: ViewOf<S> | null; connection: LiveConnection; accept: (view: ViewOf<S>) => void } {
  const [view, setView] = useState<ViewOf<S> | null>(initial);
  const [connection, setConnection] = useState<LiveConnection>("connecting");
  const seqRef = useRef<number>(initial?.seq ?? -1);

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = RETRY_MS;
    let stopped = false;

    const open = () => {
      clearTimeout(timer);
      if (stopped) return;
      source?.close();
      const resumeFrom = seqRef.current >= 0 ? seqRef.current : undefined;
      const es = new EventSource(liveEventsUrl(sessionId, screen, resumeFrom));
      source = es;
      es.onopen = () => {
        delay = RETRY_MS;
        setConnection("live");
      };
      es.addEventListener("view", (event) => {
        let next: ViewOf<S>;
        try {
          next = JSON.parse((event as MessageEvent<string>).data) as ViewOf<S>;
        } catch {
          return;
        }
        setConnection("live");
        // Room screens get a view per tally at the same seq: accept equal, refuse older.
        if (typeof next?.seq !== "number" || next.seq < seqRef.current) return;
        seqRef.current = next.seq;
        setView(next);
        if (next.phase === "ended") {
          stopped = true;
          es.close();
        }
      });
      es.onerror = () => {
        if (stopped) return;
        setConnection("reconnecting");
        // CONNECTING: the browser retries by itself (retry: 1000 from the server). CLOSED: it gave up.
        if (es.readyState === EventSource.CLOSED) {
          timer = setTimeout(open, delay);
          delay = Math.min(delay * 2, RETRY_CAP_MS);
        }
      };
    };

    const online = () => {
      delay = RETRY_MS;
      open();
    };
    // The browser knows it has lost the network before the stream does (a dead Wi-Fi keeps a
    // socket "open" for a while): say so at once, and start afresh when it is back.
    const offline = () => {
      if (!stopped) setConnection("reconnecting");
    };
    open();
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      source?.close();
    };
  }, [sessionId, screen]);

  /** A view read another way (the state route, after a refused control): taken unless the stream is already past it. */
  const accept = useCallback((next: ViewOf<S>) => {
    if (typeof next?.seq !== "number" || next.seq < seqRef.current) return;
    seqRef.current = next.seq;
    setView(next);
  }, []);

  return { view, connection, accept };
}
