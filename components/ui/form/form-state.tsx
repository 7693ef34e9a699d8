"use client";
// The state every form of the app shares: the last failure (with the field it belongs to, if any),
// whether an action is under way, and the last success message. One hook holds it and one context
// hands it to the kit's pieces (Field, FormError, SubmitButton, SuccessNotice), so a form wires
// its accessibility by placing them, not by hand.
import { createContext, useCallback, useContext, useState, type FormHTMLAttributes, type ReactNode } from "react";

/** What went wrong, in words for the reader, and the field it is about (the API's field name). */
export interface FormFailure {
  message: string;
  field?: string;
}

/** A failure a form raises itself (a client-side check); the API's are components/api/api.ts ApiError. */
export class FieldFailure extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Any thrown value (an ApiError, a FieldFailure) as a failure: its message and field when it has them, else the fallback. */
export function toFailure(e: unknown, fallback: string): FormFailure {
  if (!(e instanceof Error)) return { message: fallback };
  const field = (e as { field?: unknown }).field;
  // An API refusal without words (ApiError's message "") still marks its field.
  const message = e.message || fallback;
  return typeof field === "string" && field ? { message, field } : { message };
}

/** Whether a failure belongs to the field `key` ("coFacilitatorEmails" owns "coFacilitatorEmails.1"). */
export function owns(key: string | undefined, failure: FormFailure | null | undefined): boolean {
  const field = failure?.field;
  return Boolean(key && field && (field === key || field.startsWith(`${key}.`)));
}

/** The shared state of one form; plain data, so tests can render the pieces with any state. */
export interface FormState {
  failure: FormFailure | null;
  busy: boolean;
  notice: string;
  /** Field keys to control ids, filled by each Field: the error summary links to the control. */
  fields: Map<string, string>;
}

export interface RunOptions {
  /** The success message to announce (SuccessNotice). */
  done?: string;
  /** Stay busy after success: the page is moving on (a navigation), so no second submit. */
  keepBusy?: boolean;
}

export interface FormController extends FormState {
  /** Clears the last failure and notice, marks the form busy, runs the action, then shows the outcome. */
  run(action: () => Promise<unknown>, options?: RunOptions): Promise<boolean>;
  /** Shows a failure (a thrown value) without running anything. */
  fail(e: unknown): void;
  clear(): void;
  setBusy(busy: boolean): void;
  setNotice(notice: string): void;
}

/** One form's state; `fallback` is the words for a failure that brought none (a lost connection). */
export function useFormState(fallback: string): FormController {
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");
  const [fields] = useState(() => new Map<string, string>());

  const fail = useCallback((e: unknown) => setFailure(toFailure(e, fallback)), [fallback]);
  const clear = useCallback(() => {
    setFailure(null);
    setNotice("");
  }, []);
  const run = useCallback(
    async (action: () => Promise<unknown>, options: RunOptions = {}) => {
      setBusy(true);
      setFailure(null);
      setNotice("");
      try {
        await action();
      } catch (e) {
        // A new object each time, so the summary takes focus again even for the same message.
        setFailure(toFailure(e, fallback));
        setBusy(false);
        return false;
      }
      if (options.done) setNotice(options.done);
      if (!options.keepBusy) setBusy(false);
      return true;
    },
    [fallback],
  );

  return { failure, busy, notice, fields, run, fail, clear, setBusy, setNotice };
}

const Context = createContext<FormState | null>(null);

/** Hands a form's state to the kit's pieces inside it (also around a summary placed outside the form). */
export function FormScope({ form, children }: { form: FormState; children?: ReactNode }) {
  return <Context value={form}>{children}</Context>;
}

export function useFormScope(): FormState | null {
  return useContext(Context);
}

/**
 * A form with the house habits: the browser's own validation bubbles are off (the app's messages,
 * beside each field, replace them), and the kit's pieces inside read this form's state.
 */
export function Form({ form, className = "stack-form", children, ...rest }: { form: FormState; children?: ReactNode } & Omit<FormHTMLAttributes<HTMLFormElement>, "noValidate">) {
  return (
    <FormScope form={form}>
      <form className={className} noValidate {...rest}>
        {children}
      </form>
    </FormScope>
  );
}
