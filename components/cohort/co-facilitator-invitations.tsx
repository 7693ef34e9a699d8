"use client";
// The owner invites co-facilitators by email and sees who is still to answer. Inviting answers
// the same for every email, so this never says whether someone has an account; nor is any email
// sent: the page tells the owner to let the person know.
import { useState, type FormEvent } from "react";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { formatDay } from "@/components/ui/dates";
import { fill } from "@/components/ui/fill";
import { ApiError, getJson, sendJson } from "./api";
import { ErrorSummary } from "./error-summary";
import type { CoFacilitatorLabels } from "./labels";
import type { PendingInvitation } from "./cohort-data";
import { cohortKeys } from "./query-keys";
import { useListAction } from "./use-list-action";
import "./cohort.css";

interface Props {
  cohortId: string;
  locale: string;
  initial: PendingInvitation[];
  labels: CoFacilitatorLabels;
}

export function CoFacilitatorInvitations(props: Props) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } }));
  return (
    <QueryClientProvider client={client}>
      <Invitations {...props} />
    </QueryClientProvider>
  );
}

function Invitations({ cohortId, locale, initial, labels }: Props) {
  const key = cohortKeys.view(cohortId, "invitations");
  const url = `/api/cohorts/${cohortId}/invitations`;
  const list = useQuery({ queryKey: key, queryFn: () => getJson<PendingInvitation[]>(url), initialData: initial });
  const { run, busy, status, error, ref } = useListAction(key, labels.failed);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const email = String(new FormData(form).get("email") ?? "").trim();
    void run(async () => {
      if (!email) throw new ApiError(labels.noEmail, 400, "email");
      await sendJson(url, "POST", { email }, labels.failed);
      form.reset();
    }, labels.invited);
  }

  const emailInError = error?.field === "email";
  return (
    <div className="manage-block" id="co-facilitators">
      <h3>{labels.title}</h3>
      <p>{labels.lead}</p>
      {error && <ErrorSummary id="invite-error" title={labels.errorTitle} message={error.message} ref={ref} />}
      <form className="stack-form cohort-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="invite-email">{labels.email}</label>
          <p className="hint" id="invite-email-hint">
            {labels.emailHint}
          </p>
          <input
            id="invite-email"
            name="email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            maxLength={254}
            aria-invalid={emailInError || undefined}
            aria-describedby={`invite-email-hint${emailInError ? " invite-error" : ""}`}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button secondary" disabled={busy}>
            {busy ? labels.working : labels.submit}
          </button>
        </div>
      </form>
      <p role="status" className="learner-status">
        {status}
      </p>
      <h4>{labels.pendingTitle}</h4>
      {list.data.length === 0 ? (
        <p className="cohort-empty">{labels.none}</p>
      ) : (
        <ul className="assignment-list">
          {list.data.map((i) => (
            <li key={i.id}>
              <span className="assignment-title">
                <bdi>{i.emailHint}</bdi>
              </span>
              <span className="meta">
                {labels.expires}{" "}
                <time dateTime={i.expiresAt.slice(0, 10)} suppressHydrationWarning>
                  {formatDay(i.expiresAt, locale)}
                </time>
              </span>
              <button
                type="button"
                className="button secondary small"
                disabled={busy}
                onClick={() => void run(() => sendJson(`${url}/${i.id}`, "DELETE", {}, labels.failed), labels.cancelled)}
              >
                {labels.cancel}
                <span className="visually-hidden"> {fill(labels.cancelFor, { email: i.emailHint })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
