"use client";
// A button that says it is working: while its form's action runs it shows the busy words, is
// marked aria-busy, and cannot be pressed again (disabled; or, with keepFocus, aria-disabled, so
// keyboard focus stays on it across a change that re-renders the row around it).
import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from "react";
import { useFormScope } from "./form-state";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> & {
  /** The words while busy ("Please wait…"). */
  busyLabel: ReactNode;
  /** Busy or not; the form's own state by default. */
  busy?: boolean;
  /** Stay focusable while busy (aria-disabled instead of disabled). */
  keepFocus?: boolean;
  children?: ReactNode;
};

export function BusyButton({ busyLabel, busy: given, keepFocus = false, className = "button", type = "button", disabled, onClick, children, ...rest }: Props) {
  const form = useFormScope();
  const busy = given ?? form?.busy ?? false;
  const guarded = (e: MouseEvent<HTMLButtonElement>) => {
    // aria-disabled does not stop a press: the button does, for a click and for a submit alike.
    if (busy) return e.preventDefault();
    onClick?.(e);
  };
  return (
    <button
      {...rest}
      type={type}
      className={className}
      disabled={disabled || (busy && !keepFocus)}
      aria-disabled={keepFocus && busy ? true : undefined}
      aria-busy={busy || undefined}
      onClick={guarded}
    >
      {busy ? busyLabel : children}
    </button>
  );
}

/** The form's submit button, busy while the form's action runs. */
export function SubmitButton(props: Omit<Props, "type">) {
  return <BusyButton {...props} type="submit" />;
}
