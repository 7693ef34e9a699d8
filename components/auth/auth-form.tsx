"use client";
// Sign-in and sign-up in one accessible form: labels, hints, an error summary that takes focus,
// and the field in error marked. After success the browser's guest progress joins the account.
import { useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { syncAfterSignIn } from "@/components/progress/sync";
import { safeRedirectPath } from "@/lib/http/redirect";

export type AuthLabels = Record<
  | "email" | "emailOrLogin" | "emailOrLoginHint" | "password" | "newPassword" | "passwordHint" | "displayName" | "displayNameHint"
  | "facilitatorRole" | "facilitatorRoleHint" | "submitSignIn" | "submitSignUp" | "working" | "errorTitle" | "failed",
  string
>;

type Field = "email" | "password" | "displayName";

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
  const [error, setError] = useState<{ message: string; field?: Field } | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  function fail(message: string, field?: Field) {
    setError({ message, field });
    setBusy(false);
    requestAnimationFrame(() => summary.current?.focus());
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      if (mode === "sign-up") {
        const res = await fetch("/api/account", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            email,
            password,
            displayName: String(form.get("displayName") ?? ""),
            role: form.get("role") === "facilitator" ? "facilitator" : "learner",
          }),
        });
        if (!res.ok) {
          const body = (await res.json().catch(() => ({}))) as { error?: string; field?: string };
          const field = (["email", "password", "displayName"] as const).find((f) => body.field?.startsWith(f));
          // The API names the field ("email: ..."); the form marks the field itself instead.
          const message = field && body.error?.startsWith(`${body.field}: `) ? body.error.slice(body.field!.length + 2) : body.error;
          return fail(message ?? labels.failed, field);
        }
      }
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) return fail(result?.error ?? labels.failed);
      const role = await syncAfterSignIn(locale);
      // Without a `next`, facilitators land on their groups and everyone else on their progress.
      router.push(safeNext(window.location.search) ?? `/${locale}/${role === "facilitator" ? "facilitate" : "dashboard"}`);
      router.refresh();
    } catch (err) {
      fail(err instanceof Error && err.message ? err.message : labels.failed);
    }
  }

  // A field in error is marked invalid and described by the error message as well as its hint.
  const describe = (f: Field, hint?: string) => {
    const ids = [hint, error?.field === f ? "form-error" : undefined].filter(Boolean).join(" ");
    return { "aria-invalid": error?.field === f ? (true as const) : undefined, "aria-describedby": ids || undefined };
  };

  return (
    <form className="stack-form" onSubmit={submit} noValidate>
      {error && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="form-error-title">
          <h2 id="form-error-title">{labels.errorTitle}</h2>
          <p id="form-error">{error.message}</p>
        </div>
      )}
      {mode === "sign-up" && (
        <div className="field">
          <label htmlFor="displayName">{labels.displayName}</label>
          <p className="hint" id="displayName-hint">{labels.displayNameHint}</p>
          <input id="displayName" name="displayName" autoComplete="nickname" required maxLength={60} {...describe("displayName", "displayName-hint")} />
        </div>
      )}
      {mode === "sign-up" ? (
        <div className="field">
          <label htmlFor="email">{labels.email}</label>
          <input id="email" name="email" type="email" autoComplete="email" inputMode="email" required {...describe("email")} />
        </div>
      ) : (
        // Nickname-only group accounts have a login name instead of an email; the server tells them apart by the "@".
        <div className="field">
          <label htmlFor="email">{labels.emailOrLogin}</label>
          <p className="hint" id="email-hint">{labels.emailOrLoginHint}</p>
          <input id="email" name="email" type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} required {...describe("email", "email-hint")} />
        </div>
      )}
      <div className="field">
        <label htmlFor="password">{mode === "sign-up" ? labels.newPassword : labels.password}</label>
        {mode === "sign-up" && <p className="hint" id="password-hint">{labels.passwordHint}</p>}
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          required
          minLength={mode === "sign-up" ? 8 : undefined}
          maxLength={128}
          {...describe("password", mode === "sign-up" ? "password-hint" : undefined)}
        />
      </div>
      {mode === "sign-up" && (
        <div className="check-field">
          <input id="role" name="role" type="checkbox" value="facilitator" aria-describedby="role-hint" />
          <div>
            <label htmlFor="role">{labels.facilitatorRole}</label>
            <p className="hint" id="role-hint">{labels.facilitatorRoleHint}</p>
          </div>
        </div>
      )}
      <div className="actions">
        <button className="button" type="submit" disabled={busy}>
          {busy ? labels.working : mode === "sign-up" ? labels.submitSignUp : labels.submitSignIn}
        </button>
      </div>
    </form>
  );
}
