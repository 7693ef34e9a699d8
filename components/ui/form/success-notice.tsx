"use client";
// The outcome of an action that keeps the reader on the page ("Assignment set."): a status line,
// in the page from the start so that screen readers announce the words when they appear.
import type { ReactNode } from "react";
import { useFormScope } from "./form-state";

export function SuccessNotice({ children, className, id }: { children?: ReactNode; className?: string; id?: string }) {
  const form = useFormScope();
  const content = children === undefined ? (form?.notice ?? "") : children;
  return (
    <p role="status" id={id} className={["form-notice", className].filter(Boolean).join(" ")}>
      {content}
    </p>
  );
}
