"use client";
// Change the password (lib/auth/password-change.ts): the current one and a new one, each error
// beside its own field. The change ends every session of the account, this browser's too, so the
// form then signs this browser in again with the new password: the learner stays signed in here
// and every other device is signed out. Should that second step fail, the page says to sign in.
import { useState, type FormEvent } from "react";
import Link from "@/components/ui/link";
import { useSend } from "@/components/api/use-send";
import { Field, Form, FormError, SubmitButton, SuccessNotice, useFormState } from "@/components/ui/form";

export type PasswordLabels = Record<
  | "passwordTitle" | "passwordLead" | "currentPassword" | "newPassword" | "newPasswordHint" | "changePassword" | "passwordChanged"
  | "passwordChangedSignIn" | "signInAgain" | "errorTitle" | "failed" | "working",
  string
>;

export function ChangePassword({ locale, labels }: { locale: string; labels: PasswordLabels }) {
  const form = useFormState(labels.failed);
  const send = useSend();
  const [signedOut, setSignedOut] = useState(false);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formElement = e.currentTarget;
    const data = new FormData(formElement);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    setSignedOut(false);
    void form.run(async () => {
      const { signInName } = await send<{ signInName: string }>("POST", "/api/account/password", { currentPassword, newPassword });
      formElement.reset();
      // next-auth's own client signs in (CSRF token, session cookie). Loaded here: next-auth's client is needed on this page only after a change.
      const { signIn } = await import("next-auth/react");
      const again = await signIn("credentials", { email: signInName, password: newPassword, redirect: false }).catch(() => undefined);
      if (!again || again.error) setSignedOut(true);
      form.setNotice(again && !again.error ? labels.passwordChanged : labels.passwordChangedSignIn);
    });
  }

  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{labels.passwordTitle}</h2>
      <p>{labels.passwordLead}</p>
      <Form form={form} onSubmit={submit}>
        <FormError title={labels.errorTitle} id="password-error" level={3} />
        <Field id="current-password" field="currentPassword" label={labels.currentPassword}>
          {(c) => <input {...c} name="currentPassword" type="password" autoComplete="current-password" required maxLength={200} />}
        </Field>
        <Field id="new-password" field="newPassword" label={labels.newPassword} hint={labels.newPasswordHint}>
          {(c) => <input {...c} name="newPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />}
        </Field>
        <SuccessNotice />
        {signedOut && (
          <p>
            <Link href={`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/account`)}`}>{labels.signInAgain}</Link>
          </p>
        )}
        <div className="actions">
          <SubmitButton className="button secondary" busyLabel={labels.working}>
            {labels.changePassword}
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
