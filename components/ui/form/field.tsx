"use client";
// A labelled control with its hint and its error, wired once: the label names the control, the
// hint and the error (shown beside the field, between hint and control) describe it, and a field
// in error is marked invalid. Works for input, select and textarea (the control is rendered by the
// caller with the props given), for a checkbox beside its label, and for a group of radios.
import { useEffect, type ReactNode } from "react";
import { owns, useFormScope } from "./form-state";

/** What a control needs from its field: spread it on the input, select or textarea. */
export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

interface Common {
  /** The control's id; the hint, error and note ids are made from it. */
  id: string;
  hint?: ReactNode;
  /** The key of the failures this field shows (the API's field name, e.g. "password"). */
  field?: string;
  /** An error to show whatever the form's state says (a check the field makes itself). */
  error?: string;
  /** Shown after the control and describing it too (the chosen date written out, say). */
  note?: ReactNode;
  className?: string;
}

const joinIds = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

/** This field's error: its own prop, or the form's failure when the failure is about this field. */
function useFieldError(id: string, field: string | undefined, error: string | undefined): string | undefined {
  const form = useFormScope();
  // The error summary links to the control of the field in error; the map is read when it renders.
  useEffect(() => {
    if (!form || !field) return;
    form.fields.set(field, id);
    return () => {
      if (form.fields.get(field) === id) form.fields.delete(field);
    };
  }, [form, field, id]);
  return error || (owns(field, form?.failure) ? form!.failure!.message : undefined);
}

function describe(id: string, hint: ReactNode, error: string | undefined, note: ReactNode): ControlProps {
  return {
    id,
    "aria-describedby": joinIds(hint != null && hint !== "" && `${id}-hint`, error && `${id}-error`, note != null && note !== "" && `${id}-note`),
    "aria-invalid": error ? true : undefined,
  };
}

function Message({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

/**
 * A text field, select or textarea:
 * `<Field id="email" field="email" label={...}>{(c) => <input {...c} name="email" />}</Field>`.
 * With `check`, a checkbox beside its label and hint (the control comes first).
 */
export function Field({
  id,
  label,
  hint,
  field,
  error: ownError,
  note,
  className,
  check = false,
  children,
}: Common & { label: ReactNode; check?: boolean; children: (control: ControlProps) => ReactNode }) {
  const error = useFieldError(id, field, ownError);
  const control = children(describe(id, hint, error, note));
  const hintBlock = hint != null && hint !== "" && (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  );
  const noteBlock = note != null && note !== "" && (
    <div className="field-note" id={`${id}-note`}>
      {note}
    </div>
  );
  const classes = [check ? "check-field" : "field", error && "field-invalid", className].filter(Boolean).join(" ");
  if (check) {
    return (
      <div className={classes}>
        {control}
        <div>
          <label htmlFor={id}>{label}</label>
          {hintBlock}
          <Message id={id} error={error} />
          {noteBlock}
        </div>
      </div>
    );
  }
  return (
    <div className={classes}>
      <label htmlFor={id}>{label}</label>
      {hintBlock}
      <Message id={id} error={error} />
      {control}
      {noteBlock}
    </div>
  );
}

/**
 * A group of radios or checkboxes under one legend, with the group's hint and error:
 * `<FieldSet id="due-kind" legend={...}>{(describedBy) => <label><input type="radio" ... /></label>}</FieldSet>`.
 * The first control should carry `id` so the error summary can move focus to the group.
 */
export function FieldSet({ id, legend, hint, field, error: ownError, note, className, children }: Common & { legend: ReactNode; children: (describedBy: string | undefined) => ReactNode }) {
  const error = useFieldError(id, field, ownError);
  const { "aria-describedby": describedBy } = describe(id, hint, error, note);
  return (
    <fieldset className={["field choice-group", error && "field-invalid", className].filter(Boolean).join(" ")} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint != null && hint !== "" && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <Message id={id} error={error} />
      {children(describedBy)}
      {note != null && note !== "" && (
        <div className="field-note" id={`${id}-note`}>
          {note}
        </div>
      )}
    </fieldset>
  );
}
