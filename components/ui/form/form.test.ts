// The form kit's wiring, rendered as the server renders it: a field's label, hint and error name
// and describe its control, an error reaches the field it belongs to, the summary is an alert
// named by its heading that links to the field, the busy button cannot be pressed twice, and the
// success line is a status region from the start.
import { createElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Field, FieldSet } from "./field";
import { FormError } from "./form-error";
import { errorFrom } from "@/components/api/api";
import { FieldFailure, FormScope, owns, toFailure, type FormFailure, type FormState } from "./form-state";
import { BusyButton, SubmitButton } from "./submit-button";
import { SuccessNotice } from "./success-notice";

const state = (over: Partial<FormState> = {}): FormState => ({ failure: null, busy: false, notice: "", fields: new Map(), ...over });
const inForm = (form: FormState, ...children: ReactNode[]) => renderToStaticMarkup(createElement(FormScope, { form }, ...children));
type FieldProps = Parameters<typeof Field>[0];
type FieldSetProps = Parameters<typeof FieldSet>[0];
/** A Field with its control rendered by `render`, passed as JSX children would be (createElement types children as nodes). */
const field = (props: Omit<FieldProps, "children">, render: FieldProps["children"]) => createElement(Field, props as FieldProps, render as unknown as ReactNode);
const fieldSet = (props: Omit<FieldSetProps, "children">, render: FieldSetProps["children"]) => createElement(FieldSet, props as FieldSetProps, render as unknown as ReactNode);
const input = (c: object) => createElement("input", { ...c, name: "password", type: "password" });
/** The attributes of the element with this id, as rendered. */
function attrs(html: string, id: string): Record<string, string> {
  const tag = new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0];
  if (!tag) throw new Error(`no element with id ${id} in ${html}`);
  return Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe("Field", () => {
  it("labels the control and describes it by its hint", () => {
    const html = inForm(state(), field({ id: "password", field: "password", label: "Password", hint: "At least 8 characters." }, input));
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('<p class="hint" id="password-hint">At least 8 characters.</p>');
    expect(attrs(html, "password")).toMatchObject({ "aria-describedby": "password-hint" });
    expect(attrs(html, "password")["aria-invalid"]).toBeUndefined();
    expect(html).not.toContain("field-error");
  });

  it("shows the form's failure beside the field it belongs to, marks the control invalid and describes it by the error", () => {
    const form = state({ failure: { message: "That password is too common.", field: "password" } });
    const html = inForm(
      form,
      field({ id: "email", field: "email", label: "Email" }, (c) => createElement("input", c)),
      field({ id: "password", field: "password", label: "Password", hint: "At least 8 characters." }, input),
    );
    expect(attrs(html, "password")).toMatchObject({ "aria-invalid": "true", "aria-describedby": "password-hint password-error" });
    expect(html).toContain('<p class="field-error" id="password-error">That password is too common.</p>');
    // Between the hint and the control, so it is read before typing again.
    expect(html.indexOf("password-hint")).toBeLessThan(html.indexOf('id="password-error"'));
    expect(html.indexOf('id="password-error"')).toBeLessThan(html.indexOf('<input id="password"'));
    expect(html).toContain('class="field field-invalid"');
    // The other field is untouched.
    expect(attrs(html, "email")["aria-invalid"]).toBeUndefined();
    expect(attrs(html, "email")["aria-describedby"]).toBeUndefined();
  });

  it("owns the API's nested field names (coFacilitatorEmails.1) and its own error prop", () => {
    expect(owns("coFacilitatorEmails", { message: "x", field: "coFacilitatorEmails.1" })).toBe(true);
    expect(owns("email", { message: "x", field: "emails" })).toBe(false);
    expect(owns(undefined, { message: "x", field: "email" })).toBe(false);
    const html = inForm(state(), field({ id: "code", label: "Group code", error: "A group code has 8 letters." }, (c) => createElement("input", c)));
    expect(attrs(html, "code")).toMatchObject({ "aria-invalid": "true", "aria-describedby": "code-error" });
  });

  it("works for a select and a textarea, and adds a note under the control to its description", () => {
    const select = inForm(state(), field({ id: "track", label: "Plan" }, (c) => createElement("select", c, createElement("option", { value: "a" }, "A"))));
    expect(select).toMatch(/<label for="track">Plan<\/label><select id="track">/);
    const note = inForm(state(), field({ id: "due", label: "Due by", note: "Tue, 15 December 2026" }, (c) => createElement("textarea", c)));
    expect(attrs(note, "due")["aria-describedby"]).toBe("due-note");
    expect(note).toContain('<div class="field-note" id="due-note">Tue, 15 December 2026</div>');
  });

  it("puts a checkbox before its label, with the hint and error after the label", () => {
    const form = state({ failure: { message: "Tick the box.", field: "role" } });
    const html = inForm(form, field({ id: "role", field: "role", check: true, label: "I run workshops", hint: "You can create groups." }, (c) => createElement("input", { ...c, type: "checkbox" })));
    expect(html).toMatch(/^<div class="check-field field-invalid"><input id="role" aria-describedby="role-hint role-error" aria-invalid="true" type="checkbox"\/><div><label for="role">/);
  });

  it("describes a group of radios by its legend's hint and error", () => {
    const form = state({ failure: { message: "Choose one.", field: "dueKind" } });
    const html = inForm(form, fieldSet({ id: "due-kind", field: "dueKind", legend: "When is it due?", hint: "Or no date." }, () => createElement("input", { type: "radio", id: "due-kind" })));
    expect(html).toMatch(/^<fieldset class="field choice-group field-invalid" aria-describedby="due-kind-hint due-kind-error"><legend>When is it due\?<\/legend>/);
    expect(html).toContain('<p class="field-error" id="due-kind-error">Choose one.</p>');
  });
});

describe("FormError", () => {
  it("shows nothing without a failure", () => {
    expect(inForm(state(), createElement(FormError, { title: "There is a problem" }))).toBe("");
  });

  it("is an alert named by its heading, focusable, with the message", () => {
    const html = inForm(state({ failure: { message: "Email or password is incorrect." } }), createElement(FormError, { title: "There is a problem", id: "sign-in-error" }));
    expect(html).toBe(
      '<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="sign-in-error-title"><h2 id="sign-in-error-title">There is a problem</h2><p id="sign-in-error">Email or password is incorrect.</p></div>',
    );
  });

  it("links to the control of the field in error, and takes an h3 inside a section", () => {
    const form = state({ failure: { message: "That password is not right.", field: "password" }, fields: new Map([["password", "delete-password"]]) });
    const html = inForm(form, createElement(FormError, { title: "There is a problem", id: "x", level: 3 }));
    expect(html).toContain('<h3 id="x-title">There is a problem</h3>');
    expect(html).toContain('<a href="#delete-password">That password is not right.</a>');
  });

  it("is one focusable alert line without a title, and shows a failure given to it", () => {
    const html = renderToStaticMarkup(createElement(FormError, { failure: { message: "Could not suspend." }, id: "s" }));
    expect(html).toBe('<p class="error-text" role="alert" tabindex="-1" id="s">Could not suspend.</p>');
  });
});

describe("SubmitButton and BusyButton", () => {
  it("submit, enabled, with its own words when idle", () => {
    const html = inForm(state(), createElement(SubmitButton, { busyLabel: "Please wait…" }, "Sign in"));
    expect(html).toBe('<button type="submit" class="button">Sign in</button>');
  });

  it("disabled, aria-busy and saying so while the form is busy", () => {
    const html = inForm(state({ busy: true }), createElement(SubmitButton, { busyLabel: "Please wait…", className: "button danger" }, "Delete"));
    expect(html).toBe('<button type="submit" class="button danger" disabled="" aria-busy="true">Please wait…</button>');
  });

  it("with keepFocus stays focusable while busy (aria-disabled) and ignores presses", () => {
    const onClick = vi.fn();
    const html = renderToStaticMarkup(createElement(BusyButton, { busy: true, keepFocus: true, busyLabel: "Working", onClick }, "Suspend"));
    expect(html).toBe('<button type="button" class="button" aria-disabled="true" aria-busy="true">Working</button>');
    const press = (busy: boolean) => {
      // Called inside a render (it reads the form's context), to reach the handler it gives the button.
      let button: ReactElement<{ onClick: (e: unknown) => void }> | undefined;
      renderToStaticMarkup(
        createElement(() => {
          button = BusyButton({ busy, keepFocus: true, busyLabel: "Working", onClick, children: "Suspend" }) as ReactElement<{ onClick: (e: unknown) => void }>;
          return button;
        }),
      );
      const preventDefault = vi.fn();
      button!.props.onClick({ preventDefault });
      return preventDefault;
    };
    expect(press(true)).toHaveBeenCalledTimes(1);
    expect(onClick).not.toHaveBeenCalled();
    press(false);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});

describe("SuccessNotice", () => {
  it("is a status region in the page before any message, and shows the form's notice", () => {
    expect(inForm(state(), createElement(SuccessNotice))).toBe('<p role="status" class="form-notice"></p>');
    expect(inForm(state({ notice: "Assignment set." }), createElement(SuccessNotice, { className: "meta" }))).toBe('<p role="status" class="form-notice meta">Assignment set.</p>');
  });
});

describe("failures", () => {
  it("reads the API's answer: the message without its field prefix, and the field", async () => {
    const res = new Response(JSON.stringify({ error: "nickname: Use letters, numbers and spaces.", field: "nickname" }), { status: 400 });
    const failure = await errorFrom(res);
    expect(toFailure(failure, "x")).toEqual({ message: "Use letters, numbers and spaces.", field: "nickname" });
  });

  it("falls back to the form's words when the answer or the error says nothing", async () => {
    expect(toFailure(await errorFrom(new Response("<html>", { status: 502 })), "Check your connection.")).toEqual({ message: "Check your connection." });
    expect(toFailure(new TypeError(""), "Check your connection.")).toEqual({ message: "Check your connection." });
    expect(toFailure("boom", "Check your connection.")).toEqual({ message: "Check your connection." });
    const failure: FormFailure = toFailure(new FieldFailure("Choose a date.", "dueAt"), "x");
    expect(failure).toEqual({ message: "Choose a date.", field: "dueAt" });
  });
});
