// The form kit (issue #22): every form of the app is built from these pieces, so labels, hints,
// errors beside their fields, the error summary, busy buttons and success notices behave and read
// the same everywhere. Styles: components/ui/forms.css.
export { Field, FieldSet, type ControlProps } from "./field";
export { FormError } from "./form-error";
export { BusyButton, SubmitButton } from "./submit-button";
export { SuccessNotice } from "./success-notice";
export { FieldFailure, Form, FormScope, owns, toFailure, useFormScope, useFormState, type FormController, type FormFailure, type FormState } from "./form-state";
