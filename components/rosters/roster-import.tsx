"use client";
// Importing a class roster: choose the OneRoster files, preview what changes (every problem by
// file and line; nothing is imported while any remains), import, then print the sign-in sheet of
// the new learners, whose passphrases are shown this once (lib/rosters/import.ts).
import { useEffect, useRef, useState, type FormEvent } from "react";
import Link from "@/components/ui/link";
import { fill } from "@/components/ui/fill";
import { UserText } from "@/components/ui/user-text";
import { Field, Form, FormError, SubmitButton, BusyButton, SuccessNotice, useFormState, FieldFailure } from "@/components/ui/form";
import { useSend } from "@/components/api/use-send";
import type { RosterPreview, RosterResult } from "@/lib/rosters/import";
import type { TrackOption } from "@/components/cohort/new-cohort-form";
import { readRosterFiles, ROSTER_FILES, type RosterFiles } from "./read-files";
import type { RosterLabels } from "./labels";
import "./rosters.css";

export function RosterImport({ locale, tracks, labels }: { locale: string; tracks: TrackOption[]; labels: RosterLabels }) {
  const send = useSend();
  const form = useFormState(labels.failed);
  const applying = useFormState(labels.failed);
  const [files, setFiles] = useState<RosterFiles>({});
  const [trackId, setTrackId] = useState(() => (tracks.find((t) => t.kind === "school") ?? tracks[0])?.id ?? "");
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [result, setResult] = useState<RosterResult | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // Each answer's heading takes the focus once it is on the screen, so a screen reader starts there.
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const body = () => ({ classes: files.classes ?? "", users: files.users ?? "", enrollments: files.enrollments ?? "", locale, trackId });

  async function choose(list: FileList | null) {
    setPreview(null);
    setResult(null);
    form.clear();
    try {
      setFiles(await readRosterFiles(Array.from(list ?? [])));
    } catch {
      setFiles({});
      form.fail(new FieldFailure(labels.unreadable, "files"));
    }
  }

  function submitPreview(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setResult(null);
    const missing = ROSTER_FILES.find((f) => files[f] === undefined);
    if (missing) {
      form.fail(new FieldFailure(fill(labels.missingFile, { file: `${missing}.csv` }), "files"));
      return;
    }
    void form.run(async () => {
      setPreview(await send<RosterPreview>("POST", "/api/rosters/preview", body()));
    });
  }

  function apply() {
    void applying.run(async () => {
      setResult(await send<RosterResult>("POST", "/api/rosters/apply", body()));
      setPreview(null);
    });
  }

  const where = (i: RosterPreview["errors"][number]) => fill(i.line ? labels.where : labels.whereFile, { file: `${i.file}.csv`, line: i.line });
  const issueText = (i: RosterPreview["errors"][number]) => fill(labels.issue[i.key as keyof RosterLabels["issue"]] ?? i.key, i.args ?? {});

  return (
    <div className="roster-import">
      <Form form={form} className="stack-form card" onSubmit={submitPreview}>
        <FormError title={labels.errorTitle} id="roster-error" level={2} />
        <Field id="roster-files" field="files" label={labels.files} hint={labels.filesHint}>
          {(c) => <input {...c} type="file" name="files" multiple accept=".zip,.csv,text/csv,application/zip" onChange={(e) => void choose(e.target.files)} />}
        </Field>
        <Field id="roster-track" field="trackId" label={labels.track} hint={labels.trackHint}>
          {(c) => (
            <select {...c} name="trackId" value={trackId} onChange={(e) => setTrackId(e.target.value)}>
              {tracks.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <SubmitButton busyLabel={labels.working}>{labels.preview}</SubmitButton>
        </div>
      </Form>

      {preview && (
        <section className="roster-preview" aria-labelledby="roster-preview-title">
          <h2 id="roster-preview-title" tabIndex={-1} ref={previewHeading}>
            {labels.previewTitle}
          </h2>
          {preview.errors.length > 0 && (
            <div className="roster-problems" role="alert">
              <h3>{labels.problemsTitle}</h3>
              <p>{labels.problemsLead}</p>
              <IssueList issues={preview.errors} where={where} text={issueText} />
            </div>
          )}
          {preview.errors.length === 0 && preview.unchanged && <p className="lead">{labels.unchanged}</p>}
          {preview.errors.length === 0 && preview.classes.length > 0 && (
            <div className="roster-table" role="region" aria-labelledby="roster-preview-title" tabIndex={0}>
              <table aria-labelledby="roster-preview-title">
                <thead>
                  <tr>
                    <th scope="col">{labels.class}</th>
                    <th scope="col">{labels.action}</th>
                    <th scope="col">{labels.added}</th>
                    <th scope="col">{labels.removed}</th>
                    <th scope="col">{labels.invited}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.classes.map((c) => (
                    <tr key={c.sourcedId}>
                      <th scope="row">
                        <UserText>{c.title}</UserText>
                      </th>
                      <td>{labels[c.action === "unchanged" ? "unchangedGroup" : c.action]}</td>
                      <td>{c.add}</td>
                      <td>{c.remove}</td>
                      <td>{c.invite}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.errors.length === 0 && (
            <ul className="roster-counts">
              <li>{fill(labels.newLearners, { count: preview.newLearners })}</li>
              {preview.renamed > 0 && <li>{fill(labels.renamed, { count: preview.renamed })}</li>}
            </ul>
          )}
          {preview.warnings.length > 0 && (
            <div className="roster-warnings">
              <h3>{labels.warningsTitle}</h3>
              <IssueList issues={preview.warnings} where={where} text={issueText} />
            </div>
          )}
          {preview.errors.length === 0 && !preview.unchanged && (
            <div className="actions">
              <FormError title={labels.errorTitle} failure={applying.failure} id="roster-apply-error" level={3} />
              <BusyButton busy={applying.busy} busyLabel={labels.working} onClick={apply}>
                {labels.apply}
              </BusyButton>
            </div>
          )}
        </section>
      )}

      {result && (
        <section className="roster-sheet" aria-labelledby="roster-sheet-title">
          <h2 id="roster-sheet-title" tabIndex={-1} ref={resultHeading}>
            {labels.sheetTitle}
          </h2>
          <SuccessNotice>{labels.done}</SuccessNotice>
          <ul className="roster-groups">
            {result.groups.map((g) => (
              <li key={g.id}>
                <Link href={`/${locale}/facilitate/${g.id}`}>{fill(labels.openGroup, { name: g.name })}</Link>
              </li>
            ))}
          </ul>
          {result.newLearners.length === 0 ? (
            <p>{labels.noNew}</p>
          ) : (
            <>
              <p className="roster-sheet-lead">{labels.sheetLead}</p>
              <div className="actions">
                <button type="button" className="button" onClick={() => window.print()}>
                  {labels.print}
                </button>
              </div>
              <div className="roster-table" role="region" aria-labelledby="roster-sheet-title" tabIndex={0}>
                <table aria-labelledby="roster-sheet-title">
                  <thead>
                    <tr>
                      <th scope="col">{labels.group}</th>
                      <th scope="col">{labels.nickname}</th>
                      <th scope="col">{labels.signInName}</th>
                      <th scope="col">{labels.passphrase}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.newLearners.map((l) => (
                      <tr key={l.loginName}>
                        <td>
                          <UserText>{l.group}</UserText>
                        </td>
                        <th scope="row">
                          <UserText>{l.nickname}</UserText>
                        </th>
                        <td className="secret" dir="ltr">
                          {l.loginName}
                        </td>
                        <td className="secret" dir="ltr">
                          {l.passphrase}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}

function IssueList({ issues, where, text }: { issues: RosterPreview["errors"]; where: (i: RosterPreview["errors"][number]) => string; text: (i: RosterPreview["errors"][number]) => string }) {
  return (
    <ul className="roster-issues">
      {issues.map((i, n) => (
        <li key={n}>
          <strong>{where(i)}:</strong> <UserText>{text(i)}</UserText>
        </li>
      ))}
    </ul>
  );
}
