"use client";
// Invitations to co-facilitate, shown to the account they were sent to. Accepting makes it a
// co-facilitator of the group (its list of groups refreshes); a learner's account cannot accept
// and is told why, but may decline.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { formatDay } from "@/components/ui/dates";
import { FormError, useFormState } from "@/components/ui/form";
import { useSend } from "@/components/api/use-send";
import type { MyInvitation } from "./cohort-data";
import type { InvitationLabels } from "./labels";
import "./cohort.css";

interface Props {
  locale: string;
  invitations: MyInvitation[];
  /** A learner's account: it may decline but not accept. */
  learner: boolean;
  labels: InvitationLabels;
}

export function MyInvitations({ locale, invitations, learner, labels }: Props) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const send = useSend();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  // Answered ones leave the list at once; the refreshed page then agrees.
  const [answered, setAnswered] = useState<string[]>([]);
  const pending = invitations.filter((i) => !answered.includes(i.id));

  async function answer(i: MyInvitation, accept: boolean) {
    setBusy(true);
    form.clear();
    setStatus("");
    try {
      if (accept) await send("POST", `/api/invitations/${i.id}/accept`, {});
      else await send("DELETE", `/api/invitations/${i.id}`, {});
      setAnswered((a) => [...a, i.id]);
      setStatus(accept ? labels.accepted : labels.declined);
      router.refresh();
    } catch (e) {
      form.fail(e);
    } finally {
      setBusy(false);
    }
  }

  // The status line stays on the page after the last invitation is answered.
  if (pending.length === 0 && !status) return null;
  return (
    <section aria-labelledby="invitations-title" className="card invitations reading">
      <h2 id="invitations-title">{labels.title}</h2>
      {pending.length > 0 && <p>{learner ? labels.learnerNote : labels.lead}</p>}
      <FormError title={labels.errorTitle} failure={form.failure} id="invitation-error" level={3} />
      <p role="status" className="learner-status">
        {status}
      </p>
      {pending.length > 0 && (
        <ul className="assignment-list">
          {pending.map((i) => (
            <li key={i.id}>
              <span className="assignment-title">
                <bdi>{i.cohortName}</bdi>
              </span>
              <span className="meta">
                {labels.invitedBy} <bdi>{i.ownerName}</bdi> · {labels.expires}{" "}
                <time dateTime={i.expiresAt.slice(0, 10)} suppressHydrationWarning>
                  {formatDay(i.expiresAt, locale)}
                </time>
              </span>
              <span className="invitation-actions">
                {!learner && (
                  <button type="button" className="button small" disabled={busy} onClick={() => void answer(i, true)}>
                    {labels.accept}
                    <span className="visually-hidden"> {i.cohortName}</span>
                  </button>
                )}
                <button type="button" className="button secondary small" disabled={busy} onClick={() => void answer(i, false)}>
                  {labels.decline}
                  <span className="visually-hidden"> {i.cohortName}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
