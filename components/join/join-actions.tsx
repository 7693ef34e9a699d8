"use client";
// Joining a group from its join page: a signed-in learner joins with one button; anyone else may
// join with a nickname only, and is then shown their generated sign-in details once. Either way
// joining ends on the group's "what now" screen (app/[locale]/(learn)/groups/[cohort]).
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { syncAfterSignIn } from "@/components/progress/sync";

export type JoinLabels = Record<
  | "nicknameLabel" | "nicknameHint" | "nicknameSubmit" | "detailsTitle" | "detailsWarning" | "detailsOnce" | "loginName"
  | "passphrase" | "writtenDown" | "continue" | "errorTitle" | "failed" | "working",
  string
> &
  /** With the group's name isolated in them (components/ui/user-text.tsx). */
  Record<"joinButton" | "joinedGroup", ReactNode>;

async function errorOf(res: Response, fallback: string): Promise<{ message: string; field?: string }> {
  const body = (await res.json().catch(() => ({}))) as { error?: string; field?: string };
  // The API prefixes validation messages with the field ("nickname: ..."); the form marks the field instead.
  const message = body.field && body.error?.startsWith(`${body.field}: `) ? body.error.slice(body.field.length + 2) : body.error;
  return { message: message ?? fallback, field: body.field };
}

function ErrorSummary({ id, title, message, focusRef }: { id: string; title: string; message: string; focusRef: RefObject<HTMLDivElement | null> }) {
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={focusRef} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={id}>{message}</p>
    </div>
  );
}

/** The group's "what now" screen, where joining ends: its one next thing comes first. */
const groupPath = (locale: string, cohortId: string) => `/${locale}/groups/${encodeURIComponent(cohortId)}`;

/** A signed-in learner joins with the code, then lands on the group's "what now" screen. */
export function JoinAsMember({ code, locale, labels }: { code: string; locale: string; labels: JoinLabels }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const summary = useRef<HTMLDivElement>(null);

  async function join() {
    setBusy(true);
    setError("");
    try {
      const res = await fetch("/api/join", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code }) });
      if (!res.ok) throw new Error((await errorOf(res, labels.failed)).message);
      const { cohortId } = (await res.json()) as { cohortId: string };
      router.push(groupPath(locale, cohortId));
      router.refresh();
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : labels.failed);
      setBusy(false);
      requestAnimationFrame(() => summary.current?.focus());
    }
  }

  return (
    <>
      {error && <ErrorSummary id="join-error" title={labels.errorTitle} message={error} focusRef={summary} />}
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void join()}>
          {busy ? labels.working : labels.joinButton}
        </button>
      </div>
    </>
  );
}

interface Details {
  loginName: string;
  passphrase: string;
  cohortId: string;
}

/** Join with a nickname only: no email. The login name and passphrase are shown once. */
export function NicknameJoin({ code, locale, labels }: { code: string; locale: string; labels: JoinLabels }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [details, setDetails] = useState<Details | null>(null);
  const [written, setWritten] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const signedIn = useRef(false);

  // Once shown, the details take focus (screen readers read them first). Leaving before signing
  // in would lose details nobody else can show again: the browser asks first.
  useEffect(() => {
    if (!details) return;
    detailsHeading.current?.focus();
    const warn = (e: BeforeUnloadEvent) => {
      if (!signedIn.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [details]);

  function fail(message: string, field?: string) {
    setError({ message, field });
    setBusy(false);
    requestAnimationFrame(() => summary.current?.focus());
  }

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const nickname = String(new FormData(e.currentTarget).get("nickname") ?? "").trim();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/join/nickname", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code, nickname }) });
      if (!res.ok) {
        const { message, field } = await errorOf(res, labels.failed);
        return fail(message, field);
      }
      setDetails((await res.json()) as Details);
      setBusy(false);
    } catch {
      fail(labels.failed);
    }
  }

  async function continueSignedIn() {
    if (!details) return;
    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email: details.loginName, password: details.passphrase, redirect: false });
      if (!result || result.error) return fail(result?.error ?? labels.failed);
      await syncAfterSignIn(locale);
      signedIn.current = true; // no "leave this page?" question on the way out
      router.push(groupPath(locale, details.cohortId));
      router.refresh();
    } catch (err) {
      fail(err instanceof Error && err.message ? err.message : labels.failed);
    }
  }

  const errorBox = error && <ErrorSummary id="nickname-error" title={labels.errorTitle} message={error.message} focusRef={summary} />;

  if (details) {
    return (
      <section className="join-details" aria-labelledby="details-title">
        {errorBox}
        <p className="join-details-group">{labels.joinedGroup}</p>
        <h2 id="details-title" tabIndex={-1} ref={detailsHeading}>
          {labels.detailsTitle}
        </h2>
        <p className="join-details-warning">{labels.detailsWarning}</p>
        <dl className="join-credentials">
          <dt>{labels.loginName}</dt>
          <dd>
            <code>{details.loginName}</code>
          </dd>
          <dt>{labels.passphrase}</dt>
          <dd>
            <code>{details.passphrase}</code>
          </dd>
        </dl>
        <p className="meta">{labels.detailsOnce}</p>
        <div className="check-row">
          <input id="written-down" type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} />
          <label htmlFor="written-down">{labels.writtenDown}</label>
        </div>
        <div className="actions">
          <button type="button" className="button" disabled={!written || busy} onClick={() => void continueSignedIn()}>
            {busy ? labels.working : labels.continue}
          </button>
        </div>
      </section>
    );
  }

  const invalid = error?.field === "nickname";
  return (
    <form className="stack-form" onSubmit={create} noValidate>
      {errorBox}
      <div className="field">
        <label htmlFor="nickname">{labels.nicknameLabel}</label>
        <p className="hint" id="nickname-hint">
          {labels.nicknameHint}
        </p>
        <input
          id="nickname"
          name="nickname"
          autoComplete="off"
          required
          maxLength={30}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? "nickname-hint nickname-error" : "nickname-hint"}
        />
      </div>
      <div className="actions">
        <button className="button" type="submit" disabled={busy}>
          {busy ? labels.working : labels.nicknameSubmit}
        </button>
      </div>
    </form>
  );
}
