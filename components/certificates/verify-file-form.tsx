"use client";
// Checking a credential file that was not opened by its link: choose the file (the JSON download)
// or paste its text; the server checks the signature and the status list and keeps nothing.
import { useState, type ChangeEvent, type FormEvent } from "react";
import { useSend } from "@/components/api/use-send";
import { Field, Form, FormError, SubmitButton, useFormState } from "@/components/ui/form";
import type { VerifyResultView } from "./types";
import { VerificationResult, type VerifyLabels } from "./verification-result";

export type VerifyFileLabels = VerifyLabels & Record<"file" | "paste" | "pasteHint" | "check" | "tooLarge" | "working" | "failed" | "errorTitle" | "resultTitle", string>;

/** The largest text sent (the server's own limit, lib/certificates/verify.ts). */
const MAX_CHARS = 32 * 1024;

export function VerifyFileForm({ locale, labels }: { locale: string; labels: VerifyFileLabels }) {
  const form = useFormState(labels.failed);
  const send = useSend();
  const [text, setText] = useState("");
  const [tooLarge, setTooLarge] = useState(false);
  const [result, setResult] = useState<VerifyResultView | null>(null);

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setResult(null);
    setTooLarge(false);
    if (!file) return;
    if (file.size > MAX_CHARS) {
      setTooLarge(true);
      return;
    }
    setText(await file.text());
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (tooLarge || text.length > MAX_CHARS) {
      setTooLarge(true);
      return;
    }
    void form.run(async () => setResult(await send<VerifyResultView>("POST", "/api/credentials/verify", { text })));
  }

  return (
    <>
      <Form form={form} className="stack-form" onSubmit={submit}>
        <FormError title={labels.errorTitle} id="verify-error" level={2} />
        <Field id="verify-file" label={labels.file} error={tooLarge ? labels.tooLarge : undefined}>
          {(c) => <input {...c} type="file" accept=".json,.jwt,.txt,application/json" onChange={(e) => void choose(e)} />}
        </Field>
        <Field id="verify-text" field="text" label={labels.paste} hint={labels.pasteHint}>
          {(c) => (
            <textarea
              {...c}
              name="text"
              rows={6}
              dir="ltr"
              spellCheck={false}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setResult(null);
                setTooLarge(e.target.value.length > MAX_CHARS);
              }}
              required
            />
          )}
        </Field>
        <div className="actions">
          <SubmitButton busyLabel={labels.working}>{labels.check}</SubmitButton>
        </div>
      </Form>
      <div aria-live="polite">{result && <VerificationResult result={result} locale={locale} labels={labels} />}</div>
    </>
  );
}
