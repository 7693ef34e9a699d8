"use client";
// The phone's side of a live session (issue #24): it follows the facilitator over Server-Sent
// Events (useLiveView) and shows whatever step is on: the lobby, a question, a scenario's decision,
// a discernment post, a check, a discussion, its own result after the reveal, and the thank-you at
// the end. A new step is announced (a polite live region with its heading) and takes the focus
// (its heading); the connection's state is shown and announced. Kept light: no react-query here.
import { useLiveView, type LiveConnection } from "@/components/live/use-live-view";
import { fill } from "@/components/ui/fill";
import { NAME_SLOT, withNames } from "@/components/ui/user-text";
import type { ParticipantView } from "@/lib/live/views";
import { useState } from "react";
import type { PhoneLabels, PhoneStrings } from "./phone-labels";
import { PhoneStep, stepHeading } from "./phone-steps";

const CONNECTION: Record<LiveConnection, keyof PhoneStrings> = { connecting: "connecting", live: "live", reconnecting: "reconnecting" };

/** What makes a new screen on the phone: another step or round, the reveal, the end. */
function screenKey(view: ParticipantView): string {
  if (view.phase === "ended") return "ended";
  const round = "round" in view.step ? view.step.round : "";
  return `${"key" in view.step ? view.step.key : "lobby"}|${round}|${view.phase}`;
}

export function PhoneView({ sessionId, initial, labels, courseHref }: { sessionId: string; initial: ParticipantView; labels: PhoneLabels; courseHref: string }) {
  const { view: followed, connection } = useLiveView(sessionId, "participant", initial);
  const view = followed ?? initial;
  // The first screen is the page itself; only what comes after it is announced and focused.
  const [firstKey] = useState(() => screenKey(initial));
  const key = screenKey(view);
  const moved = key !== firstKey;
  const heading = stepHeading(view, labels);
  const p = labels.phone;

  return (
    <div className="live-phone">
      <div className="live-phone-bar">
        {view.nickname ? <p className="live-phone-me">{withNames(fill(p.youAre, { name: NAME_SLOT }), view.nickname)}</p> : <span />}
        {/* After the end the stream is closed on purpose: nothing to say about it. */}
        <p className={`live-connection is-${connection}`} role="status" hidden={view.phase === "ended"}>
          <span className="visually-hidden">{p.connection}: </span>
          {p[CONNECTION[connection]]}
        </p>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {moved ? heading : ""}
      </p>
      <PhoneStep key={key} sessionId={sessionId} view={view} heading={heading} labels={labels} courseHref={courseHref} takeFocus={moved} />
    </div>
  );
}
