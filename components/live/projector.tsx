"use client";
// The projector of a live session (issue #24): one screen the whole hall reads, following the
// facilitator's steps over Server-Sent Events (use-live-view.ts). Before a reveal it shows only
// how many answered; names only when the facilitator shows them (the view holds them then).
// Screen readers hear each new step's heading and each reveal, never each vote.
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { ProjectorView } from "@/lib/live/views";
import { fill } from "@/components/ui/fill";
import { useLiveView } from "./use-live-view";
import type { ProjectorLabels } from "./projector-labels";
import { codeGroups, momentOf, stepOf } from "./projector-format";
import { Check, Discernment, Discussion, Ended, Lobby, Missing, Question, Scenario, stepHeading } from "./projector-steps";

interface Props {
  sessionId: string;
  initial: ProjectorView;
  /** The QR code of the join address, drawn on the server (components/cohort/qr-code.tsx). */
  qr: ReactNode;
  joinUrl: string;
  labels: ProjectorLabels;
}

export function LiveProjector({ sessionId, initial, qr, joinUrl, labels }: Props) {
  const { view: latest, connection } = useLiveView(sessionId, "projector", initial);
  const view = latest ?? initial;
  const t = labels.text;
  const announcement = useAnnouncement(view, labels);
  // An ad hoc session forgets its people when it ends: the thank-you keeps the most seen.
  const [people, setPeople] = useState(view.participants);
  if (view.participants > people) setPeople(view.participants);

  const step = view.step;
  let body: ReactNode;
  if (view.phase === "ended") body = <Ended people={people} labels={labels} />;
  else if (step.kind === "lobby") body = <Lobby view={view} labels={labels} qr={qr} joinUrl={joinUrl} />;
  else if (step.kind === "question") body = <Question view={view} step={step} labels={labels} />;
  else if (step.kind === "scenario") body = <Scenario view={view} step={step} labels={labels} />;
  else if (step.kind === "discernment") body = <Discernment view={view} step={step} labels={labels} />;
  else if (step.kind === "check") body = <Check view={view} step={step} labels={labels} />;
  else if (step.kind === "discussion") body = <Discussion step={step} labels={labels} />;
  else body = <Missing labels={labels} />;

  const inLobby = step.kind === "lobby" && view.phase !== "ended";
  return (
    <div className="live-projector" data-step={view.phase === "ended" ? "ended" : step.kind} data-phase={view.phase}>
      {!inLobby && view.phase !== "ended" && (
        <div className="projector-strip">
          <p className="projector-strip-join">
            {fill(t.joinStrip, { url: joinUrl.replace(/^https?:\/\//, ""), code: codeGroups(view.code).join(" ") })}
          </p>
          <p className="projector-strip-people">{fill(t.joinedCount, { count: view.participants })}</p>
        </div>
      )}
      <div className="projector-stage">{body}</div>
      {connection === "reconnecting" && <p className="projector-connection">{t.reconnecting}</p>}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}

/**
 * What the live region says: nothing on first paint (the page's heading is read then), the new
 * step's heading when the step changes, and the reveal with how many answered when it comes.
 */
function useAnnouncement(view: ProjectorView, labels: ProjectorLabels): string {
  const moment = momentOf(view);
  const seen = useRef(moment);
  const [said, setSaid] = useState("");
  const heading = stepHeading(view, labels);
  const revealed = view.phase === "revealed" && view.reveal !== undefined;
  const answered = view.answered;
  const participants = view.participants;
  useEffect(() => {
    if (seen.current === moment) return;
    const sameStep = stepOf(seen.current) === stepOf(moment);
    seen.current = moment;
    const reveal = revealed ? `${labels.text.revealed} ${fill(labels.text.answered, { count: answered, total: participants })}` : "";
    setSaid(sameStep ? reveal : [heading, reveal].filter(Boolean).join(". "));
    // Only a new moment speaks: a tally within it changes `answered` and must stay silent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [moment]);
  return said;
}
