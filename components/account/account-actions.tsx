"use client";
// Sign out (here or everywhere) and delete the account, built from the form kit. Each clears this
// browser's copy of the learner's progress, so a shared device keeps nothing personal; deleting
// ends on a page that says the account is gone.
import { useState, type FormEvent } from "react";
import { signOutHere } from "@/components/progress/sync";
import { useSend } from "@/components/api/use-send";
import { BusyButton, Field, Form, FormError, FormScope, SubmitButton, useFormState } from "@/components/ui/form";

export type AccountLabels = Record<
  "signOut" | "signOutEverywhere" | "signOutEverywhereLead" | "sessionsTitle" | "deleteTitle" | "deleteLead" | "deletePassword" | "delete" | "errorTitle" | "failed" | "working",
  string
>;

export function AccountActions({ locale, labels }: { locale: string; labels: AccountLabels }) {
  const sessions = useFormState(labels.failed);
  const deletion = useFormState(labels.failed);
  const send = useSend();
  const [pressed, setPressed] = useState<"here" | "everywhere" | null>(null);

  function signOut(where: "here" | "everywhere") {
    setPressed(where);
    void sessions.run(
      async () => {
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
