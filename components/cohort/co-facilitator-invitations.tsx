"use client";
// The owner invites co-facilitators by email and sees who is still to answer. Inviting answers
// the same for every email, so this never says whether someone has an account; nor is any email
// sent: the page tells the owner to let the person know.
import type { FormEvent } from "react";
import { useQuery } from "@/components/api/queries";
import { formatDay } from "@/components/ui/dates";
import { fill } from "@/components/ui/fill";
import { BusyButton, Field, FieldFailure, Form, FormError, FormScope, SubmitButton, SuccessNotice } from "@/components/ui/form";
import { apiGet } from "@/components/api/api";
import { queryKeys } from "@/components/api/query-keys";
import type { CoFacilitatorLabels } from "./labels";
import type { PendingInvitation } from "./cohort-data";
import { useListAction } from "./use-list-action";
import "./cohort.css";

interface Props {
  cohortId: string;
  locale: string;
  initial: PendingInvitation[];
  labels: CoFacilitatorLabels;
}

export function CoFacilitatorInvitations({ cohortId, locale, initial, labels }: Props) {
  const key = queryKeys.cohortView(cohortId, "invitations");
  const url = `/api/cohorts/${cohortId}/invitations`;
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => apiGet<PendingInvitation[]>(url, signal), initialData: initial, staleTime: 30_000 });
  const { form, run, send } = useListAction(key, labels.failed);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formElement = e.currentTarget;
    const email = String(new FormData(formElement).get("email") ?? "").trim();
    void run(async () => {
      if (!email) throw new FieldFailure(labels.noEmail, "email");
      await send("POST", url, { email });
      formElement.reset();
    }, labels.invited);
  }

  // The same name while busy: the row's buttons wait together, and each keeps saying which it is.
  const cancelLabel = (emailHint: string) => (
    <>
      {labels.cancel}
      <span className="visually-hidden"> {fill(labels.cancelFor, { email: emailHint })}</span>
    </>
  );

  return (
    <FormScope form={form}>
      <div className="manage-block" id="co-facilitators">
        <h3>{labels.title}</h3>
        <p>{labels.lead}</p>
        <Form form={form} className="stack-form cohort-form" onSubmit={submit}>
          <FormError title={labels.errorTitle} id="invite-error" level={3} />
          <Field id="invite-email" field="email" label={labels.email} hint={labels.emailHint}>
            {(c) => <input {...c} name="email" type="email" autoComplete="off" spellCheck={false} maxLength={254} />}
          </Field>
          <div className="actions">
            <SubmitButton className="button secondary" busyLabel={labels.working}>
              {labels.submit}
            </SubmitButton>
          </div>
        </Form>
        <SuccessNotice />
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
                <BusyButton
                  className="button secondary small"
                  busyLabel={cancelLabel(i.emailHint)}
                  onClick={() => void run(() => send("DELETE", `${url}/${i.id}`), labels.cancelled)}
                >
                  {cancelLabel(i.emailHint)}
                </BusyButton>
              </li>
            ))}
          </ul>
        )}
      </div>
    </FormScope>
  );
}
