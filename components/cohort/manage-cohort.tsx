"use client";
// Archive or reopen a group, and delete it for good after typing its name. Built from the form
// kit (components/ui/form): each block has its own error and busy state.
import type { FormEvent } from "react";
import { useRouter } from "next/navigation";
import { fill } from "@/components/ui/fill";
import { BusyButton, Field, FieldFailure, Form, FormError, FormScope, SubmitButton, SuccessNotice, useFormState } from "@/components/ui/form";
import { NAME_SLOT, withNames } from "@/components/ui/user-text";
import { normaliseName, plainName } from "@/lib/text/names";
import { useSend } from "@/components/api/use-send";
import type { ManageLabels } from "./labels";
import "./cohort.css";

export function ManageCohort({ cohortId, locale, name, archived, labels }: { cohortId: string; locale: string; name: string; archived: boolean; labels: ManageLabels }) {
  const router = useRouter();
  const archiving = useFormState(labels.failed);
  const deletion = useFormState(labels.failed);
  const send = useSend();

  function toggleArchive() {
    void archiving.run(
      async () => {
        await send("POST", `/api/cohorts/${cohortId}/archive`, { archived: !archived });
        router.refresh();
      },
      { done: archived ? labels.reopenedNow : labels.archivedNow },
    );
  }

  function remove(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const typed = String(new FormData(e.currentTarget).get("confirmName") ?? "");
    void deletion.run(
      async () => {
        // Compared as shown: NFC, and a character refused since the group was named as the U+FFFD shown.
        if (plainName(normaliseName(typed)) !== plainName(normaliseName(name))) throw new FieldFailure(labels.deleteMismatch, "confirmName");
        await send("DELETE", `/api/cohorts/${cohortId}`, { confirm: true });
        router.push(`/${locale}/facilitate`);
        router.refresh();
      },
      { keepBusy: true },
    );
  }

  return (
    <>
      <div className="manage-block">
        <h3>{labels.archiveTitle}</h3>
        <p>{labels.archiveLead}</p>
        <FormScope form={archiving}>
          <FormError title={labels.errorTitle} id="archive-error" level={3} />
          <SuccessNotice />
          <BusyButton className="button secondary" busyLabel={labels.working} disabled={deletion.busy} onClick={toggleArchive}>
            {archived ? labels.reopen : labels.archive}
          </BusyButton>
        </FormScope>
      </div>
      <div className="card danger-zone manage-block">
        <h3>{labels.deleteTitle}</h3>
        <p>{labels.deleteLead}</p>
        <Form form={deletion} className="stack-form cohort-form" onSubmit={remove}>
          <FormError title={labels.errorTitle} id="delete-error" level={3} />
          <Field id="delete-name" field="confirmName" label={withNames(fill(labels.deleteName, { name: NAME_SLOT }), name)} hint={labels.deleteHint}>
            {(c) => <input {...c} name="confirmName" autoComplete="off" spellCheck={false} />}
          </Field>
          <div className="actions">
            <SubmitButton className="button danger" busyLabel={labels.working} disabled={archiving.busy}>
              {labels.delete}
            </SubmitButton>
          </div>
        </Form>
      </div>
    </>
  );
}
