// "Your groups" on the learner dashboard: each group the learner is in, with what its facilitator
// has set, the due date and whether it is done. Rendered inside the dashboard island.
import Link from "@/components/ui/link";
import type { myAssignments } from "@/lib/cohorts/queries";
import type { ProgressActivity } from "@/lib/content/activity-id";
import { formatDay as dueDay } from "@/components/ui/dates";
import { fill } from "@/components/ui/fill";
import { UserText } from "@/components/ui/user-text";
import type { DashboardLabels } from "./dashboard";

export type MyGroupsData = Awaited<ReturnType<typeof myAssignments>>;

/** A check slot is named by the slot: learners take it on one of two forms, each with its own title. */
const slotTitle = (d: { ref: ProgressActivity }, labels: DashboardLabels) => (d.ref.kind === "check" ? labels[d.ref.slot] : undefined);


export function MyGroups({ groups, locale, labels }: { groups: MyGroupsData; locale: string; labels: DashboardLabels }) {
  return (
    <section aria-labelledby="groups-title" className="my-groups">
      <h2 id="groups-title">{labels.groupsTitle}</h2>
      <ul className="group-list">
        {groups.map((g) => {
          const done = g.due.filter((d) => d.done).length;
          return (
            <li key={g.id} className="card">
              <h3>
                {/* The group's own screen says what to do first (app/[locale]/(learn)/groups/[cohort]). */}
                <Link href={`/${locale}/groups/${g.id}`}>
                  <UserText>{g.name}</UserText>
                </Link>
              </h3>
              {g.due.length === 0 ? (
                <p className="meta">{labels.groupNothing}</p>
              ) : (
                <>
                  <p className="meta">{fill(labels.groupsSummary, { done, total: g.due.length })}</p>
                  <ul className="due-list">
                    {g.due.map((d) => (
                      <li key={d.activityId}>
                        <Link href={d.href} className="due-title">
                          {slotTitle(d, labels) ?? d.title}
                        </Link>
                        {/* Overdue says so in words, not by colour alone (components/progress/my-groups.css). */}
                        {d.dueAt === null ? (
                          <span className="due-date">{labels.groupNoDue}</span>
                        ) : d.overdue ? (
                          <span className="due-date due-overdue">
                            <strong>{labels.groupOverdue}</strong> {fill(labels.groupWasDue, { date: dueDay(d.dueAt, locale) })}
                          </span>
                        ) : (
                          <span className="due-date">{fill(labels.groupDue, { date: dueDay(d.dueAt, locale) })}</span>
                        )}
                        {d.done ? <span className="status-done">✓ {labels.done}</span> : <span className="due-open">{labels.notDone}</span>}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p>
        <Link href={`/${locale}/join`}>{labels.joinAnother}</Link>
      </p>
    </section>
  );
}
