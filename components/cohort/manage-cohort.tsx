"use client";
// Archive or reopen a group, and delete it for good after typing its name.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { fill } from "@/components/ui/fill";
import { NAME_SLOT, withNames } from "@/components/ui/user-text";
import { normaliseName, plainName } from "@/lib/text/names";
import { ApiError, sendJson } from "./api";
import { ErrorSummary, useFailure } from "./error-summary";
import type { ManageLabels } from "./labels";
import "./cohort.css";

export function ManageCohort({ cohortId, locale, name, archived, labels }: { cohortId: string; locale: string; name: string; archived: boolean; labels: ManageLabels }) {
  const router = useRouter();
  const { error: archiveError, fail: archiveFail, clear: archiveClear, ref: archiveRef } = useFailure();
  const { error: deleteError, fail: deleteFail, clear: deleteClear, ref: deleteRef } = useFailure();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function toggleArchive() {
    setBusy(true);
    archiveClear();
    setStatus("");
    try {
      await sendJson(`/api/cohorts/${cohortId}/archive`, "POST", { archived: !archived }, labels.failed);
      setStatus(archived ? labels.reopenedNow : labels.archivedNow);
      router.refresh();
    } catch (e) {
      archiveFail(e, labels.failed);
    } finally {
      setBusy(false);
    }
  }

  async function remove(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const typed = String(new FormData(e.currentTarget).get("confirmName") ?? "");
    setBusy(true);
    deleteClear();
    try {
      // Compared as shown: NFC, and a character refused since the group was named as the U+FFFD shown.
      if (plainName(normaliseName(typed)) !== plainName(normaliseName(name))) throw new ApiError(labels.deleteMismatch, 400, "confirmName");
      await sendJson(`/api/cohorts/${cohortId}`, "DELETE", { confirm: true }, labels.failed);
      router.push(`/${locale}/facilitate`);
      router.refresh();
    } catch (err) {
      deleteFail(err, labels.failed);
      setBusy(false);
    }
  }

  const nameInError = deleteError?.field === "confirmName";
  return (
    <>
      <div className="manage-block">
        <h3>{labels.archiveTitle}</h3>
        <p>{labels.archiveLead}</p>
        {archiveError && <ErrorSummary id="archive-error" title={labels.errorTitle} message={archiveError.message} ref={archiveRef} />}
        <p role="status" className="learner-status">
          {status}
        </p>
        <button type="button" className="button secondary" disabled={busy} onClick={() => void toggleArchive()}>
          {archived ? labels.reopen : labels.archive}
        </button>
      </div>
      <div className="card danger-zone manage-block">
        <h3>{labels.deleteTitle}</h3>
        <p>{labels.deleteLead}</p>
        {deleteError && <ErrorSummary id="delete-error" title={labels.errorTitle} message={deleteError.message} ref={deleteRef} />}
        <form className="stack-form cohort-form" onSubmit={remove} noValidate>
          <div className="field">
            <label htmlFor="delete-name">{withNames(fill(labels.deleteName, { name: NAME_SLOT }), name)}</label>
            <p className="hint" id="delete-name-hint">
              {labels.deleteHint}
            </p>
            <input
              id="delete-name"
              name="confirmName"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={nameInError || undefined}
              aria-describedby={`delete-name-hint${nameInError ? " delete-error" : ""}`}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button danger" disabled={busy}>
              {busy ? labels.working : labels.delete}
            </button>
          </div>
        </form>
      </div>
    </>
  );
}
