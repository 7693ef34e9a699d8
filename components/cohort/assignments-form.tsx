"use client";
// Assignments: set a lesson or a check due by a date, see what is set, remove one.
import { useState, type FormEvent, type ReactNode } from "react";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { formatDay } from "@/components/ui/dates";
import { fill } from "@/components/ui/fill";
import { ApiError, getJson, sendJson } from "./api";
import type { Assignment } from "./cohort-data";
import { ErrorSummary } from "./error-summary";
import type { AssignmentLabels, LessonColumn } from "./labels";
import { byModule } from "./progress-grid";
import { cohortKeys } from "./query-keys";
import { useListAction } from "./use-list-action";
import "./cohort.css";

interface Props {
  cohortId: string;
  locale: string;
  lessons: LessonColumn[];
  initial: Assignment[];
  labels: AssignmentLabels;
  /** Shown under the list, inside the same query client, so it refreshes when the list changes. */
  children?: ReactNode;
}

/** A check slot is named by the slot: learners take it on one of two forms, each with its own title. */
const slotTitle = (activityId: string, labels: AssignmentLabels) => (activityId === "assessment-pre" ? labels.pre : activityId === "assessment-post" ? labels.post : undefined);

export function AssignmentsForm(props: Props) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } }));
  return (
    <QueryClientProvider client={client}>
      <Assignments {...props} />
      {props.children}
    </QueryClientProvider>
  );
}

function Assignments({ cohortId, locale, lessons, initial, labels }: Props) {
  const key = cohortKeys.view(cohortId, "assignments");
  const url = `/api/cohorts/${cohortId}/assignments`;
  const list = useQuery({ queryKey: key, queryFn: () => getJson<Assignment[]>(url), initialData: initial });
  const { run, busy, status, error, ref } = useListAction(key, labels.failed);
  const modules = byModule(lessons);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const activityId = String(data.get("activityId") ?? "");
    const dueAt = String(data.get("dueAt") ?? "");
    void run(async () => {
      if (!activityId) throw new ApiError(labels.chooseActivity, 400, "activityId");
      if (!dueAt) throw new ApiError(labels.chooseDate, 400, "dueAt");
      await sendJson(url, "POST", { activityId, dueAt }, labels.failed);
      form.reset();
    }, labels.saved);
  }

  function remove(activityId: string) {
    void run(async () => {
      await sendJson(url, "DELETE", { activityId }, labels.failed);
    }, labels.removed);
  }

  const invalid = (f: "activityId" | "dueAt", hint?: string) => ({
    "aria-invalid": error?.field === f ? (true as const) : undefined,
    "aria-describedby": [hint, error?.field === f ? "assign-error" : ""].filter(Boolean).join(" ") || undefined,
  });
  const formatDate = (iso: string) => formatDay(iso, locale);

  return (
    <>
      {error && <ErrorSummary id="assign-error" title={labels.errorTitle} message={error.message} ref={ref} />}
      <form className="stack-form cohort-form assign-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="assign-activity">{labels.activity}</label>
          <select id="assign-activity" name="activityId" defaultValue="" {...invalid("activityId")}>
            <option value="">{labels.choose}</option>
            <optgroup label={labels.checks}>
              <option value="assessment-pre">{labels.pre}</option>
              <option value="assessment-post">{labels.post}</option>
            </optgroup>
            {modules.map((m) => (
              <optgroup key={m.number} label={fill(labels.module, { number: m.number })}>
                {m.lessons.map((l) => (
                  <option key={l.id} value={l.id}>
                    {`${l.short} ${l.title}`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="assign-due">{labels.due}</label>
          <p className="hint" id="assign-due-hint">
            {labels.dueHint}
          </p>
          <input id="assign-due" name="dueAt" type="date" required {...invalid("dueAt", "assign-due-hint")} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? labels.working : labels.submit}
          </button>
        </div>
      </form>
      <p role="status" className="learner-status">
        {status}
      </p>
      <h3>{labels.listTitle}</h3>
      {list.data.length === 0 ? (
        <p className="cohort-empty">{labels.empty}</p>
      ) : (
        <ul className="assignment-list">
          {list.data.map((row) => ({ ...row, title: slotTitle(row.activityId, labels) ?? row.title })).map((a) => (
            <li key={a.activityId}>
              <span className="assignment-title">{a.title}</span>
              <span className="meta">
                {a.dueAt ? (
                  <>
                    {labels.dueOn}{" "}
                    <time dateTime={a.dueAt.slice(0, 10)} suppressHydrationWarning>
                      {formatDate(a.dueAt)}
                    </time>
                  </>
                ) : (
                  labels.noDue
                )}
              </span>
              <button type="button" className="button secondary small" disabled={busy} onClick={() => remove(a.activityId)}>
                {labels.remove}
                <span className="visually-hidden"> {a.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
