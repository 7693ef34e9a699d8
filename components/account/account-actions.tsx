"use client";
// Sign out (here or everywhere) and delete the account. Each clears this browser's copy of the
// learner's progress, so a shared device keeps nothing personal.
import { useRef, useState, type FormEvent } from "react";
import { signOutHere } from "@/components/progress/sync";

export type AccountLabels = Record<"signOut" | "signOutEverywhere" | "signOutEverywhereLead" | "sessionsTitle" | "deleteTitle" | "deleteLead" | "deletePassword" | "delete" | "errorTitle" | "failed" | "working", string>;

export function AccountActions({ locale, labels }: { locale: string; labels: AccountLabels }) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  async function post(url: string, method: string, body?: unknown) {
    const res = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) });
    if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { error?: string }).error ?? labels.failed);
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError("");
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : labels.failed);
      setBusy(false);
      requestAnimationFrame(() => errorRef.current?.focus());
    }
  }

  function deleteAccount(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    void run(async () => {
      await post("/api/account", "DELETE", { password });
      await signOutHere(locale);
    });
  }

  return (
    <>
      {error && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={errorRef} aria-labelledby="account-error-title">
          <h2 id="account-error-title">{labels.errorTitle}</h2>
          <p id="account-error">{error}</p>
        </div>
      )}
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{labels.sessionsTitle}</h2>
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => signOutHere(locale))}>
            {labels.signOut}
          </button>
        </div>
        <p>{labels.signOutEverywhereLead}</p>
        <div className="actions">
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => void run(async () => {
              await post("/api/account/sign-out-everywhere", "POST");
              await signOutHere(locale);
            })}
          >
            {labels.signOutEverywhere}
          </button>
        </div>
      </section>
      <section aria-labelledby="delete-title" className="card danger-zone">
        <h2 id="delete-title">{labels.deleteTitle}</h2>
        <p>{labels.deleteLead}</p>
        <form className="stack-form" onSubmit={deleteAccount} noValidate>
          <div className="field">
            <label htmlFor="delete-password">{labels.deletePassword}</label>
            <input id="delete-password" name="password" type="password" autoComplete="current-password" required aria-describedby={error ? "account-error" : undefined} />
          </div>
          <div className="actions">
            <button type="submit" className="button danger" disabled={busy}>
              {busy ? labels.working : labels.delete}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
