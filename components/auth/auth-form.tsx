"use client";
// Sign-in and sign-up in one form, built from the form kit (components/ui/form): an error summary
// that takes focus, and each field's error beside it. After success the browser's guest progress
// joins the account.
import { useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useSend } from "@/components/api/use-send";
import { beforeSignIn, syncAfterSignIn } from "@/components/progress/sync";
import { Field, FieldFailure, Form, FormError, SubmitButton, useFormState } from "@/components/ui/form";
import { safeRedirectPath } from "@/lib/http/redirect";

export type AuthLabels = Record<
  | "email" | "emailOrLogin" | "emailOrLoginHint" | "password" | "newPassword" | "passwordHint" | "displayName" | "displayNameHint"
  | "facilitatorRole" | "facilitatorRoleHint" | "submitSignIn" | "submitSignUp" | "working" | "errorTitle" | "failed",
  string
>;

/** Only this site's own pages, so a crafted link cannot send someone elsewhere after sign-in. */
function safeNext(search: string): string | null {
  const next = new URLSearchParams(search).get("next");
  // Rendered on the server too (with no query string), where there is no window to ask.
  return next === null ? null : safeRedirectPath(next, window.location.origin);
}

const noSubscription = () => () => {};

/** The link between sign-in and sign-up, keeping `next` (a join link, say) on the way. */
export function AuthSwitchLink({ href, children }: { href: string; children: ReactNode }) {
  // The query string is read in the browser: the server renders these pages without it.
  const search = useSyncExternalStore(noSubscription, () => window.location.search, () => "");
  const safe = safeNext(search);
  return <Link href={safe ? `${href}?next=${encodeURIComponent(safe)}` : href}>{children}</Link>;
}

export function AuthForm({ mode, locale, labels }: { mode: "sign-in" | "sign-up"; locale: string; labels: AuthLabels }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const send = useSend();
  const signUp = mode === "sign-up";

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    void form.run(
      async () => {
        if (signUp) {
          await send("POST", "/api/account", {
            email,
            password,
            displayName: String(data.get("displayName") ?? ""),
            role: data.get("role") === "facilitator" ? "facilitator" : "learner",
          });
        }
        // next-auth's own client, not the API client: it fetches the CSRF token and sets the session cookie.
        beforeSignIn();
        const result = await signIn("credentials", { email, password, redirect: false });
        // The same words for an unknown account and a wrong password: about no one field.
        if (!result || result.error) throw new FieldFailure(result?.error ?? labels.failed);
        const role = await syncAfterSignIn(locale);
        // Without a `next`, facilitators land on their groups and everyone else on their progress.
        router.push(safeNext(window.location.search) ?? `/${locale}/${role === "facilitator" ? "facilitate" : "dashboard"}`);
        router.refresh();
      },
      { keepBusy: true },
    );
  }

  return (
    <Form form={form} onSubmit={submit}>
      <FormError title={labels.errorTitle} id="form-error" />
      {signUp && (
        <Field id="displayName" field="displayName" label={labels.displayName} hint={labels.displayNameHint}>
          {(c) => <input {...c} name="displayName" autoComplete="nickname" required maxLength={60} />}
        </Field>
      )}
      {signUp ? (
        <Field id="email" field="email" label={labels.email}>
          {(c) => <input {...c} name="email" type="email" autoComplete="email" inputMode="email" required />}
        </Field>
      ) : (
        // Nickname-only group accounts have a login name instead of an email; the server tells them apart by the "@".
        <Field id="email" field="email" label={labels.emailOrLogin} hint={labels.emailOrLoginHint}>
          {(c) => <input {...c} name="email" type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} required />}
        </Field>
      )}
      <Field id="password" field="password" label={signUp ? labels.newPassword : labels.password} hint={signUp ? labels.passwordHint : undefined}>
        {(c) => (
          <input
            {...c}
            name="password"
            type="password"
            autoComplete={signUp ? "new-password" : "current-password"}
            required
            minLength={signUp ? 8 : undefined}
            maxLength={128}
          />
        )}
      </Field>
      {signUp && (
        <Field id="role" check label={labels.facilitatorRole} hint={labels.facilitatorRoleHint}>
          {(c) => <input {...c} name="role" type="checkbox" value="facilitator" />}
        </Field>
      )}
      <div className="actions">
        <SubmitButton busyLabel={labels.working}>{signUp ? labels.submitSignUp : labels.submitSignIn}</SubmitButton>
      </div>
    </Form>
  );
}
