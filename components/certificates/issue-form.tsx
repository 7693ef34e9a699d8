"use client";
// Issuing a certificate: the learner chooses the name printed on it (a name they type, their
// account's name offered first, or none) and issues it. The course's certificate names the course;
// an attendance award names the award. The page reloads its data once it is issued.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useSend } from "@/components/api/use-send";
import { Field, FieldSet, Form, FormError, SubmitButton, useFormState } from "@/components/ui/form";

export type IssueLabels = Record<"nameLegend" | "nameChosen" | "nameInput" | "nameHint" | "nameNone" | "nameNoneHint" | "issue" | "working" | "failed" | "errorTitle", string>;

export function IssueForm({
  id,
  target,
  accountName,
  labels,
}: {
  /** Unique per form on the page (ids of its controls). */
  id: string;
  target: { locale: string; courseId: string } | { credentialId: string };
  /** Offered as the name to print; null for a nickname account, whose name is a nickname. */
  accountName: string | null;
  labels: IssueLabels;
}) {
  const form = useFormState(labels.failed);
  const send = useSend();
  const router = useRouter();
  const [shown, setShown] = useState(true);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const printedName = shown ? String(data.get("printedName") ?? "") : null;
    void form.run(
      async () => {
        await send("POST", "/api/credentials", { ...target, printedName });
        router.refresh();
      },
      { keepBusy: true },
    );
  }

  return (
    <Form form={form} className="stack-form issue-form" onSubmit={submit}>
      <FormError title={labels.errorTitle} id={`${id}-error`} level={3} />
      <FieldSet id={`${id}-shown`} legend={labels.nameLegend}>
        {() => (
          <>
            <label className="cert-choice">
              <input type="radio" name="shown" id={`${id}-shown`} checked={shown} onChange={() => setShown(true)} />
              <span className="cert-choice-title">{labels.nameChosen}</span>
            </label>
            <label className="cert-choice">
              <input type="radio" name="shown" checked={!shown} onChange={() => setShown(false)} aria-describedby={`${id}-none-hint`} />
              <span>
                <span className="cert-choice-title">{labels.nameNone}</span>
                <span className="hint" id={`${id}-none-hint`}>
                  {labels.nameNoneHint}
                </span>
              </span>
            </label>
          </>
        )}
      </FieldSet>
      {shown && (
        <Field id={`${id}-name`} field="printedName" label={labels.nameInput} hint={labels.nameHint}>
          {(c) => <input {...c} name="printedName" defaultValue={accountName ?? ""} required maxLength={80} autoComplete="name" />}
        </Field>
      )}
      <div className="actions">
        <SubmitButton busyLabel={labels.working}>{labels.issue}</SubmitButton>
      </div>
    </Form>
  );
}
