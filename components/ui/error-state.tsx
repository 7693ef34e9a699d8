"use client";
// The one "this page did not load" screen behind every segment's error.tsx: calm words in the
// learner's language, a retry that re-fetches the segment, and a way home. Help pages add the
// emergency line, because someone may have come to them in a hurry.
import { useEffect, useRef, type Ref } from "react";
import Link from "./link";
import { useErrorStrings, type ErrorStrings } from "./error-strings";

export interface ErrorStateProps {
  /** Next's error.tsx `retry` prop: re-fetches and re-renders the segment (Next 16.3+). */
  retry: () => void;
  /** A help page: show the emergency line first. */
  help?: boolean;
}

export function ErrorState({ retry, help = false }: ErrorStateProps) {
  const { locale, strings } = useErrorStrings();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The page under the cursor was replaced: move focus to the heading so keyboard and screen-reader
  // users hear what happened instead of being left on a control that no longer exists.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return <ErrorStateView strings={strings} home={`/${locale}`} retry={retry} help={help} headingRef={headingRef} />;
}

export interface ErrorStateViewProps extends ErrorStateProps {
  strings: ErrorStrings;
  home: string;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The markup alone, without hooks, so a unit test can render it and press its button. */
export function ErrorStateView({ strings, home, retry, help = false, headingRef }: ErrorStateViewProps) {
  return (
    <div className="container reading error-state">
      {help && (
        <p className="emergency-box emergency-lead">
          <strong>{strings.emergency}</strong>
        </p>
      )}
      <h1 tabIndex={-1} ref={headingRef}>
        {strings.title}
      </h1>
      <p className="lead">{strings.body}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => retry()}>
          {strings.retry}
        </button>
        <Link href={home}>{strings.home}</Link>
      </div>
    </div>
  );
}
