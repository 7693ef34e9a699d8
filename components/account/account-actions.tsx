"use client";
// Sign out (here or everywhere) and delete the account, built from the form kit. Each clears this
// browser's copy of the learner's progress, so a shared device keeps nothing personal; deleting
// ends on a page that says the account is gone. Answers still waiting to be sent (offline) go
// first; those that cannot go are named in a warning, and signing out anyway loses them (never
// kept for later: the next person at a shared computer must not find them, nor send them).
import { useState, type FormEvent } from "react";
import { sendBeforeSignOut, signOutHere } from "@/components/progress/sync";
import { fill } from "@/components/ui/fill";
import { useSend } from "@/components/api/use-send";
import { BusyButton, Field, Form, FormError, FormScope, SubmitButton, useFormState, type FormFailure } from "@/components/ui/form";

export type AccountLabels = Record<
  | "signOut"
  | "signOutEverywhere"
  | "signOutEverywhereLead"
  | "sessionsTitle"
  | "unsentTitle"
  | "unsentBody"
  | "signOutAnyway"
  | "deleteTitle"
  | "deleteLead"
  | "deletePassword"
  | "delete"
  | "errorTitle"
  | "failed"
  | "working",
  string
>;

export function AccountActions({ locale, labels }: { locale: string; labels: AccountLabels }) {
  const sessions = useFormState(labels.failed);
  const deletion = useFormState(labels.failed);
  const send = useSend();
  const [pressed, setPressed] = useState<"here" | "everywhere" | "anyway" | null>(null);
  /** Answers that could not be sent at the last try, and which sign-out was asked for. */
  const [unsent, setUnsent] = useState<{ where: "here" | "everywhere"; warning: FormFailure } | null>(null);

  function signOut(where: "here" | "everywhere", anyway = false) {
    setPressed(anyway ? "anyway" : where);
    void sessions.run(
      async () => {
        // Before the session ends (signing out everywhere ends this one too): after, they cannot go.
        const left = anyway ? 0 : await sendBeforeSignOut();
        if (left > 0) {
          // A new object each time: the warning takes focus again after each try.
          setUnsent({ where, warning: { message: fill(labels.unsentBody, { count: left }) } });
          sessions.setBusy(false);
          return;
        }
        setUnsent(null);
        if (where === "everywhere") await send("POST", "/api/account/sign-out-everywhere");
        await signOutHere(locale);
      },
      { keepBusy: true },
    );
  }

  function deleteAccount(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    void deletion.run(
      async () => {
        await send("DELETE", "/api/account", { password });
        await signOutHere(locale, `/${locale}/account-deleted`);
      },
      { keepBusy: true },
    );
  }

  const busy = sessions.busy || deletion.busy;
  return (
    <>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{labels.sessionsTitle}</h2>
        <FormScope form={sessions}>
          <FormError title={labels.errorTitle} id="sessions-error" level={3} />
          {unsent && (
            <>
              <FormError title={labels.unsentTitle} failure={unsent.warning} id="unsent-warning" level={3} />
              <div className="actions">
                <BusyButton className="button danger" busyLabel={labels.working} busy={sessions.busy && pressed === "anyway"} disabled={busy} onClick={() => signOut(unsent.where, true)}>
                  {labels.signOutAnyway}
                </BusyButton>
              </div>
            </>
          )}
          <div className="actions">
            <BusyButton busyLabel={labels.working} busy={sessions.busy && pressed === "here"} disabled={busy} onClick={() => signOut("here")}>
              {labels.signOut}
            </BusyButton>
          </div>
          <p>{labels.signOutEverywhereLead}</p>
          <div className="actions">
            <BusyButton className="button secondary" busyLabel={labels.working} busy={sessions.busy && pressed === "everywhere"} disabled={busy} onClick={() => signOut("everywhere")}>
              {labels.signOutEverywhere}
            </BusyButton>
          </div>
        </FormScope>
      </section>
      <section aria-labelledby="delete-title" className="card danger-zone">
        <h2 id="delete-title">{labels.deleteTitle}</h2>
        <p>{labels.deleteLead}</p>
        <Form form={deletion} onSubmit={deleteAccount}>
          <FormError title={labels.errorTitle} id="delete-error" level={3} />
          <Field id="delete-password" field="password" label={labels.deletePassword}>
            {(c) => <input {...c} name="password" type="password" autoComplete="current-password" required />}
          </Field>
          <div className="actions">
            <SubmitButton className="button danger" busyLabel={labels.working} disabled={sessions.busy}>
              {labels.delete}
            </SubmitButton>
          </div>
        </Form>
      </section>
    </>
  );
}
