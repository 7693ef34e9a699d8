"use client";
// "Join a group": type the code, go to its join page. Without JavaScript the form still works
// (a GET to /<locale>/join?code=..., which the page redirects).
import { useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { formatCode, looksLikeCode, normaliseCode } from "./code";

export type JoinCodeLabels = Record<"codeLabel" | "codeHint" | "codeSubmit" | "codeMissing" | "codeShape" | "errorTitle", string>;

const noSubscription = () => () => {};

/** The code in a /join/<code> address, to put back in the field when it opened no group. */
function codeInPath(): string {
  const last = window.location.pathname.split("/").pop() ?? "";
  try {
    return last === "join" ? "" : formatCode(normaliseCode(decodeURIComponent(last)));
  } catch {
    return "";
  }
}

export function JoinCodeForm({ locale, labels, prefillFromPath = false }: { locale: string; labels: JoinCodeLabels; prefillFromPath?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const summary = useRef<HTMLDivElement>(null);
  const prefill = useSyncExternalStore(noSubscription, () => (prefillFromPath ? codeInPath() : ""), () => "");

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = normaliseCode(String(new FormData(e.currentTarget).get("code") ?? ""));
    const problem = !code ? labels.codeMissing : !looksLikeCode(code) ? labels.codeShape : "";
    if (problem) {
      setError(problem);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setError("");
    router.push(`/${locale}/join/${code}`);
  }

  return (
    <form className="stack-form" action={`/${locale}/join`} method="get" onSubmit={submit} noValidate>
      {error && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="code-error-title">
          <h2 id="code-error-title">{labels.errorTitle}</h2>
          <p id="code-error">{error}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor="code">{labels.codeLabel}</label>
        <p className="hint" id="code-hint">
          {labels.codeHint}
        </p>
        <input
          key={prefill}
          id="code"
          name="code"
          className="join-code-input"
          defaultValue={prefill}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "code-hint code-error" : "code-hint"}
        />
      </div>
      <div className="actions">
        <button className="button" type="submit">
          {labels.codeSubmit}
        </button>
      </div>
    </form>
  );
}
