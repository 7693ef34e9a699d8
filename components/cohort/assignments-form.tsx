"use client";
// Assignments: set a lesson or a check due by a date (not one that has passed) or with no due
// date, see what is set, remove one. Built from the form kit (components/ui/form).
import { useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { useQuery } from "@/components/api/queries";
import { formatDay, formatDayWithWeekday, localDay } from "@/components/ui/dates";
import { fill } from "@/components/ui/fill";
import { BusyButton, Field, FieldFailure, FieldSet, Form, FormError, FormScope, SubmitButton, SuccessNotice } from "@/components/ui/form";
import { apiGet } from "@/components/api/api";
import { queryKeys } from "@/components/api/query-keys";
import type { Assignment } from "./cohort-data";
import type { AssignmentLabels, LessonColumn } from "./labels";
import { byModule } from "./progress-grid";
import { useListAction } from "./use-list-action";
import { CHECK_SLOTS, formatActivityId, type ProgressActivity } from "@/lib/content/activity-id";
import "./cohort.css";

interface Props {
  cohortId: string;
  /** The group's course: the check slots' ids are formatted for it (lib/content/activity-id.ts). */
  courseId: string;
  locale: string;
  lessons: LessonColumn[];
  initial: Assignment[];
  labels: AssignmentLabels;
  /** Shown under the list; it reads the same query, so it refreshes when the list changes. */
  children?: ReactNode;
}

/** A check slot is named by the slot: learners take it on one of two forms, each with its own title. */
const slotTitle = (ref: ProgressActivity | null, labels: AssignmentLabels) => (ref?.kind === "check" ? labels[ref.slot] : undefined);

export function AssignmentsForm(props: Props) {
  return (
    <>
      <Assignments {...props} />
      {props.children}
    </>
  );
}

const noSubscription = () => () => {};

function Assignments({ cohortId, courseId, locale, lessons, initial, labels }: Props) {
  const key = queryKeys.cohortView(cohortId, "assignments");
  const url = `/api/cohorts/${cohortId}/assignments`;
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => apiGet<Assignment[]>(url, signal), initialData: initial, staleTime: 30_000 });
  const { form, run, send } = useListAction(key, labels.failed);
  const modules = byModule(lessons);
  // Controlled, so a successful submit can clear the form without form.reset(), which would
  // uncheck the controlled radios behind React's back.
  const [activityId, setActivityId] = useState("");
  const [dueKind, setDueKind] = useState<"date" | "none">("date");
  const [due, setDue] = useState("");
  // The facilitator's own today, from their device: read in the browser only (the server's may differ).
  const today = useSyncExternalStore(noSubscription, () => localDay(new Date()), () => undefined);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void run(async () => {
      if (!activityId) throw new FieldFailure(labels.chooseActivity, "activityId");
      if (dueKind === "date" && !due) throw new FieldFailure(labels.chooseDate, "dueAt");
      // The server refuses only a day over everywhere (lib/cohorts/due-date.ts); here, the day is
      // judged in the facilitator's own time zone, with the same words.
      if (dueKind === "date" && due < localDay(new Date())) throw new FieldFailure(labels.pastDue, "dueAt");
      await send("POST", url, { activityId, dueAt: dueKind === "date" ? due : null });
      setActivityId("");
      setDue("");
      setDueKind("date");
    }, labels.saved);
  }

  function remove(activityId: string) {
    void run(async () => {
      await send("DELETE", url, { activityId });
    }, labels.removed);
  }

  // The same name while busy: the row's buttons wait together, and each keeps saying which it is.
  const removeLabel = (title: string) => (
    <>
      {labels.remove}
      <span className="visually-hidden"> {title}</span>
    </>
  );

  return (
    <FormScope form={form}>
      <Form form={form} className="stack-form cohort-form assign-form" onSubmit={submit}>
        <FormError title={labels.errorTitle} id="assign-error" level={3} />
        <Field id="assign-activity" field="activityId" label={labels.activity}>
          {(c) => (
            <select {...c} name="activityId" value={activityId} onChange={(e) => setActivityId(e.target.value)}>
              <option value="">{labels.choose}</option>
              <optgroup label={labels.checks}>
                {CHECK_SLOTS.map((slot) => (
                  <option key={slot} value={formatActivityId({ kind: "check", course: courseId, slot })}>
                    {labels[slot]}
                  </option>
                ))}
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
          )}
        </Field>
        <FieldSet id="assign-due-kind" legend={labels.dueChoice}>
          {() =>
            (["date", "none"] as const).map((k) => (
              <label key={k} className="choice">
                <input
                  type="radio"
                  name="dueKind"
                  value={k}
                  id={k === "date" ? "assign-due-kind" : undefined}
                  checked={dueKind === k}
                  onChange={() => setDueKind(k)}
                  aria-describedby={k === "none" ? "assign-no-due-hint" : undefined}
                />
                <span>
                  <span className="choice-title">{k === "date" ? labels.byDate : labels.noDue}</span>
                  {k === "none" && (
                    <span className="hint" id="assign-no-due-hint">
                      {labels.noDueHint}
                    </span>
                  )}
                </span>
              </label>
            ))
          }
        </FieldSet>
        {dueKind === "date" && (
          // A native date input shows the day in the browser's order; the note under it writes the
          // chosen day out in the interface's own, so 03/04 cannot be misread.
          <Field id="assign-due" field="dueAt" label={labels.due} hint={labels.dueHint} note={due ? formatDayWithWeekday(due, locale) : undefined}>
            {(c) => <input {...c} name="dueAt" type="date" min={today} value={due} onChange={(e) => setDue(e.target.value)} required />}
          </Field>
        )}
        <div className="actions">
          <SubmitButton busyLabel={labels.working}>{labels.submit}</SubmitButton>
        </div>
      </Form>
      <SuccessNotice />
      <h3>{labels.listTitle}</h3>
      {list.data.length === 0 ? (
        <p className="cohort-empty">{labels.empty}</p>
      ) : (
        <ul className="assignment-list">
          {list.data.map((row) => ({ ...row, title: slotTitle(row.ref, labels) ?? row.title })).map((a) => (
            <li key={a.activityId}>
              <span className="assignment-title">{a.title}</span>
              <span className="meta">
                {a.dueAt ? (
                  <>
                    {labels.dueOn}{" "}
                    <time dateTime={a.dueAt.slice(0, 10)} suppressHydrationWarning>
                      {formatDay(a.dueAt, locale)}
                    </time>
                  </>
                ) : (
                  labels.noDueListed
                )}
              </span>
              <BusyButton className="button secondary small" busyLabel={removeLabel(a.title)} onClick={() => remove(a.activityId)}>
                {removeLabel(a.title)}
              </BusyButton>
            </li>
          ))}
        </ul>
      )}
    </FormScope>
  );
}
