"use client";
// The form-level error: a summary with role="alert", named by its heading, that takes focus each
// time a new failure appears, so keyboard and screen-reader users land on what went wrong. When
// the failure belongs to a field (shown beside it by Field), the summary links to that field.
import { useEffect, useId, useRef, type MouseEvent, type RefObject } from "react";
import { owns, useFormScope, type FormFailure } from "./form-state";

interface Props {
  /** "There is a problem"; without a title the error is one short line (a button in a table). */
  title?: string;
  /** The failure to show; the form's own by default. */
  failure?: FormFailure | null;
  /** The heading's level: 2 on a page of its own, 3 inside a section. */
  level?: 2 | 3;
  /** The summary's id (its heading is `${id}-title`); stable ids keep server and client HTML alike. */
  id?: string;
}

/** Moves focus to the field's control (and its label into view) rather than following the link. */
function focusControl(e: MouseEvent<HTMLAnchorElement>, controlId: string) {
  const control = document.getElementById(controlId);
  if (!control) return;
  e.preventDefault();
  control.focus();
  (document.querySelector(`label[for="${CSS.escape(controlId)}"]`) ?? control).scrollIntoView({ block: "center" });
}

export function FormError({ title, failure: given, level = 2, id: givenId }: Props) {
  const form = useFormScope();
  const failure = given === undefined ? (form?.failure ?? null) : given;
  const autoId = useId();
  const id = givenId ?? `form-error-${autoId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const box = useRef<HTMLElement>(null);

  // Each new failure (a new object, even with the same words) takes focus once it is on screen.
  useEffect(() => {
    if (failure) box.current?.focus();
  }, [failure]);

  if (!failure) return null;
  const controlId = failure.field ? [...(form?.fields ?? [])].find(([key]) => owns(key, failure))?.[1] : undefined;
  const message = controlId ? (
    <a href={`#${controlId}`} onClick={(e) => focusControl(e, controlId)}>
      {failure.message}
    </a>
  ) : (
    failure.message
  );

  if (!title) {
    return (
      <p className="error-text" role="alert" tabIndex={-1} id={id} ref={box as RefObject<HTMLParagraphElement>}>
        {message}
      </p>
    );
  }
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box as RefObject<HTMLDivElement>} aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{title}</Heading>
      <p id={id}>{message}</p>
    </div>
  );
}
