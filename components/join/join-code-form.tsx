"use client";
// "Join a group": type the code, go to its join page. Without JavaScript the form still works
// (a GET to /<locale>/join?code=..., which the page redirects).
import { useSyncExternalStore, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Field, FieldFailure, Form, FormError, SubmitButton, useFormState } from "@/components/ui/form";
import { formatCode, looksLikeCode, normaliseCode } from "./code";

export type JoinCodeLabels = Record<"codeLabel" | "codeHint" | "codeSubmit" | "codeMissing" | "codeShape" | "errorTitle" | "working", string>;

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
  // Only the form's own checks fail here (going to the join page throws nothing): the fallback
  // words are those of a malformed code.
  const form = useFormState(labels.codeShape);
  const prefill = useSyncExternalStore(noSubscription, () => (prefillFromPath ? codeInPath() : ""), () => "");

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = normaliseCode(String(new FormData(e.currentTarget).get("code") ?? ""));
    void form.run(async () => {
      if (!code) throw new FieldFailure(labels.codeMissing, "code");
      if (!looksLikeCode(code)) throw new FieldFailure(labels.codeShape, "code");
      router.push(`/${locale}/join/${code}`);
    });
  }

  return (
    <Form form={form} action={`/${locale}/join`} method="get" onSubmit={submit}>
      <FormError title={labels.errorTitle} id="code-error-summary" />
      <Field id="code" field="code" label={labels.codeLabel} hint={labels.codeHint}>
        {(c) => (
          <input
            {...c}
            key={prefill}
            name="code"
            className="join-code-input"
            defaultValue={prefill}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            required
          />
        )}
      </Field>
      <div className="actions">
        <SubmitButton busyLabel={labels.working}>{labels.codeSubmit}</SubmitButton>
      </div>
    </Form>
  );
}
