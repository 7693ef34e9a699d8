"use client";
// The house error summary: role="alert", labelled by its heading, and focused when it appears,
// so keyboard and screen-reader users land on what went wrong.
import { useCallback, useEffect, useRef, useState, type Ref } from "react";
import { ApiError } from "./api";

export interface Failure {
  message: string;
  field?: string;
}

/** State for one form's error summary: `fail` shows it and moves focus to it. */
export function useFailure() {
  const [error, setError] = useState<Failure | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const fail = useCallback((e: unknown, fallback: string) => {
    setError(e instanceof ApiError ? { message: e.message, field: e.field } : { message: e instanceof Error && e.message ? e.message : fallback });
  }, []);
  // Each new failure (a new object, even with the same message) takes focus once it is on screen.
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  const clear = useCallback(() => setError(null), []);
  return { error, fail, clear, ref };
}

export function ErrorSummary({ id, title, message, ref }: { id: string; title: string; message: string; ref: Ref<HTMLDivElement> }) {
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p id={id}>{message}</p>
    </div>
  );
}
