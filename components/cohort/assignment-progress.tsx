"use client";
// "Who has done what": each assignment with "n of m done" and, behind a disclosure, the names of
// the learners who have not done it yet. Names are the facilitator's alone: this is a group tool,
// never part of a view meant for the room. Rendered inside the assignments form's query client
// (AssignmentsForm children), so it reads the same list and refreshes when an assignment changes.
import { useQuery } from "@/components/api/queries";
import { formatDay } from "@/components/ui/dates";
import { fill } from "@/components/ui/fill";
import { UserText } from "@/components/ui/user-text";
import { apiGet } from "@/components/api/api";
import { queryKeys } from "@/components/api/query-keys";
import type { Assignment } from "./cohort-data";
import "./assignment-progress.css";

export type AssignmentProgressLabels = Record<
  "title" | "lead" | "setByYou" | "part" | "done" | "allDone" | "missing" | "noMembers" | "due" | "noDue" | "overdue" | "pre" | "post",
  string
>;

/** Assignments in the order the list gives them, grouped by the plan lesson they belong to (if any). */
function groups(list: Assignment[]) {
  const out: { key: string; part: Assignment["part"]; items: Assignment[] }[] = [];
  for (const a of list) {
    const key = a.part?.id ?? "";
    const last = out[out.length - 1];
    if (last && last.key === key) last.items.push(a);
    else out.push({ key, part: a.part, items: [a] });
  }
  return out;
}

export function AssignmentProgress({ cohortId, locale, initial, labels }: { cohortId: string; locale: string; initial: Assignment[]; labels: AssignmentProgressLabels }) {
  const list = useQuery({
    queryKey: queryKeys.cohortView(cohortId, "assignments"),
    queryFn: ({ signal }) => apiGet<Assignment[]>(`/api/cohorts/${cohortId}/assignments`, signal),
    initialData: initial,
    // Learners finish work while the page is open: refresh like the live reports, a little slower.
    refetchInterval: 30_000,
  });
  const title = (a: Assignment) => (a.activityId === "assessment-pre" ? labels.pre : a.activityId === "assessment-post" ? labels.post : a.title);

  // Nothing set: the list above already says so.
  if (list.data.length === 0) return null;
  return (
    <section aria-labelledby="assignment-progress-title" className="assignment-progress">
      <h3 id="assignment-progress-title">{labels.title}</h3>
      <p className="hint">{labels.lead}</p>
      {groups(list.data).map((g) => (
        <div key={g.key || "own"} className="assignment-progress-group">
          <h4>{g.part ? fill(labels.part, { number: g.part.number, title: g.part.title }) : labels.setByYou}</h4>
          <ul>
            {g.items.map((a) => (
              <li key={a.activityId} className={a.overdue ? "is-overdue" : undefined}>
                <span className="assignment-progress-title">{title(a)}</span>
                <span className="meta">
                  {a.dueAt ? fill(labels.due, { date: formatDay(a.dueAt, locale) }) : labels.noDue}
                  {/* Overdue is said in words, not by colour alone. */}
                  {a.overdue && <strong className="assignment-overdue"> {labels.overdue}</strong>}
                </span>
                <span className="assignment-progress-count">
                  {a.total === 0 ? labels.noMembers : a.done === a.total ? fill(labels.allDone, { total: a.total }) : fill(labels.done, { done: a.done, total: a.total })}
                </span>
                {a.missing.length > 0 && (
                  <details>
                    <summary>
                      {fill(labels.missing, { count: a.missing.length })}
                      <span className="visually-hidden"> {title(a)}</span>
                    </summary>
                    <ul className="assignment-missing">
                      {a.missing.map((m) => (
                        <li key={m.id}>
                          <UserText>{m.name}</UserText>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
