"use client";
// Records from a hall laptop (issue #26): on the hall (`npm run hall`) the group's owners download
// them as one file; on the organisation's server they import that file into the same group,
// after a preview of what it adds (lib/hall/import.ts). All or nothing; a second import adds nothing.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { fill } from "@/components/ui/fill";
import { BusyButton, Field, FieldFailure, Form, FormError, SubmitButton, SuccessNotice, useFormState } from "@/components/ui/form";
import { NAME_SLOT, withNames } from "@/components/ui/user-text";
import { useSend } from "@/components/api/use-send";
import type { HallImportSummary } from "@/lib/hall/format";
import type { HallLabels } from "./labels";
import "./cohort.css";

/** The import's own ceiling (lib/hall/format.ts HALL_FILE_MAX_BYTES), checked before sending. */
const MAX_BYTES = 8 * 1024 * 1024;

export function HallExport({ cohortId, labels }: { cohortId: string; labels: HallLabels }) {
  return (
    <div className="manage-block">
      <h3>{labels.exportTitle}</h3>
      <p>{labels.exportLead}</p>
      <p>
        <a className="button secondary" href={`/api/cohorts/${cohortId}/hall-export`} download>
          {labels.export}
        </a>
      </p>
    </div>
  );
}

export function HallImport({ cohortId, locale, labels }: { cohortId: string; locale: string; labels: HallLabels }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const send = useSend();
  const [pending, setPending] = useState<{ file: unknown; summary: HallImportSummary } | null>(null);

  async function readChosen(input: HTMLInputElement | null): Promise<unknown> {
    const chosen = input?.files?.[0];
    if (!chosen) throw new FieldFailure(labels.chooseFile, "file");
    if (chosen.size > MAX_BYTES) throw new FieldFailure(labels.tooBig, "file");
    try {
      return JSON.parse(await chosen.text()) as unknown;
    } catch {
      throw new FieldFailure(labels.notJson, "file");
    }
  }

  function check(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
    setPending(null);
    void form.run(async () => {
      const file = await readChosen(input);
      const summary = await send<HallImportSummary>("POST", `/api/cohorts/${cohortId}/hall-import`, { confirm: false, file });
      setPending({ file, summary });
    });
  }

  function confirm() {
    if (!pending) return;
    void form.run(
      async () => {
        const done = await send<HallImportSummary>("POST", `/api/cohorts/${cohortId}/hall-import`, { confirm: true, file: pending.file });
        setPending(null);
        router.refresh();
        return done;
      },
      { done: labels.imported },
    );
  }

  const s = pending?.summary;
  const nothingNew = s && s.learners.added + s.attempts.added + s.responses.added + s.completions.added === 0;
  const rows = s
    ? ([
        [labels.learners, s.learners],
        [labels.attempts, s.attempts],
        [labels.responses, s.responses],
        [labels.completions, s.completions],
      ] as const)
    : [];

  return (
    <div className="manage-block">
      <h3>{labels.importTitle}</h3>
      <p>{labels.importLead}</p>
      <Form form={form} className="stack-form cohort-form" onSubmit={check}>
        <FormError title={labels.errorTitle} id="hall-import-error" level={3} />
        <SuccessNotice />
        <Field id="hall-file" field="file" label={labels.fileLabel} hint={labels.fileHint}>
          {(c) => <input {...c} type="file" name="file" accept=".json,application/json" onChange={() => setPending(null)} />}
        </Field>
        <div className="actions">
          <SubmitButton className="button secondary" busyLabel={labels.working}>
            {labels.check}
          </SubmitButton>
        </div>
      </Form>
      {s && (
        <div className="card hall-preview" role="region" aria-labelledby="hall-preview-title">
          <h4 id="hall-preview-title">{labels.previewTitle}</h4>
          <p>
            {withNames(fill(labels.previewFrom, { name: NAME_SLOT, date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(new Date(s.hallGroup.exportedAt)) }), s.hallGroup.name)}
          </p>
          <table className="hall-preview-table">
            <thead>
              <tr>
                <th scope="col">{labels.what}</th>
                <th scope="col">{labels.added}</th>
                <th scope="col">{labels.known}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, counts]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{counts.added}</td>
                  <td>{counts.known}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {nothingNew ? (
            <p>{labels.nothingNew}</p>
          ) : (
            <div className="actions">
              <BusyButton className="button" busyLabel={labels.working} onClick={confirm}>
                {labels.confirm}
              </BusyButton>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
