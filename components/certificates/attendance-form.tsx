"use client";
// A facilitator gives "attended" certificates: to the members ticked, for a day; or to everyone
// who joined one of the group's live sessions. Each member then issues theirs with the name they
// choose (lib/certificates/attendance.ts).
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useSend } from "@/components/api/use-send";
import { BusyButton, Field, FieldSet, Form, FormError, SubmitButton, SuccessNotice, useFormState } from "@/components/ui/form";
import { fill } from "@/components/ui/fill";
import { UserText } from "@/components/ui/user-text";

export type AttendanceLabels = Record<
  | "membersTitle" | "date" | "members" | "award" | "awardedNone" | "awardedOne" | "awardedMany" | "noMembers" | "sessionsTitle" | "sessionsLead" | "session"
  | "sessionMembersNone" | "sessionMembersOne" | "sessionMembersMany" | "awardSession" | "noSessions" | "working" | "failed" | "errorTitle",
  string
>;

export interface AttendanceData {
  members: { id: string; name: string; awards: string[] }[];
  sessions: { id: string; date: string; dateText: string; members: number }[];
  today: string;
}

/** A message chosen by a count: none, one, or more (with {count}). */
const counted = (n: number, none: string, one: string, many: string) => (n === 0 ? none : n === 1 ? one : fill(many, { count: n }));

export function AttendanceForm({ cohortId, data, labels, formatAwards }: {
  cohortId: string;
  data: AttendanceData;
  labels: AttendanceLabels;
  /** The days each member was given a certificate, written out ("Given for 3 November 2026"), by member id. */
  formatAwards: Record<string, string>;
}) {
  const form = useFormState(labels.failed);
  const sessionForm = useFormState(labels.failed);
  const send = useSend();
  const router = useRouter();
  const [date, setDate] = useState(data.today);

  const awardedText = (n: number) => counted(n, labels.awardedNone, labels.awardedOne, labels.awardedMany);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const chosen = new FormData(e.currentTarget).getAll("member").map(String);
    void form.run(async () => {
      const { awarded } = await send<{ awarded: number }>("POST", `/api/cohorts/${cohortId}/attendance`, { date, members: chosen });
      form.setNotice(awardedText(awarded));
      router.refresh();
    });
  }

  return (
    <>
      <section aria-labelledby="attendance-members">
        <h2 id="attendance-members">{labels.membersTitle}</h2>
        {data.members.length === 0 ? (
          <p>{labels.noMembers}</p>
        ) : (
          <Form form={form} className="stack-form attendance-form" onSubmit={submit}>
            <FormError title={labels.errorTitle} id="attendance-error" level={3} />
            <Field id="attendance-date" field="date" label={labels.date}>
              {(c) => <input {...c} type="date" name="date" value={date} onChange={(e) => setDate(e.target.value)} required />}
            </Field>
            <FieldSet id="attendance-member-0" field="members" legend={labels.members}>
              {() =>
                data.members.map((m, i) => (
                  <label key={m.id} className="cert-choice">
                    <input type="checkbox" name="member" value={m.id} id={`attendance-member-${i}`} aria-describedby={m.awards.length ? `attendance-awards-${i}` : undefined} />
                    <span>
                      <span className="cert-choice-title">
                        <UserText>{m.name}</UserText>
                      </span>
                      {m.awards.length > 0 && (
                        <span className="hint" id={`attendance-awards-${i}`}>
                          {formatAwards[m.id]}
                        </span>
                      )}
                    </span>
                  </label>
                ))
              }
            </FieldSet>
            <SuccessNotice />
            <div className="actions">
              <SubmitButton busyLabel={labels.working}>{labels.award}</SubmitButton>
            </div>
          </Form>
        )}
      </section>
      <section aria-labelledby="attendance-sessions">
        <h2 id="attendance-sessions">{labels.sessionsTitle}</h2>
        <p>{labels.sessionsLead}</p>
        {data.sessions.length === 0 ? (
          <p>{labels.noSessions}</p>
        ) : (
          <Form form={sessionForm} className="attendance-sessions" onSubmit={(e) => e.preventDefault()}>
            <FormError title={labels.errorTitle} id="attendance-session-error" level={3} />
            <ul className="plain-list">
              {data.sessions.map((s) => (
                <li key={s.id}>
                  <span id={`session-${s.id}`}>
                    {fill(labels.session, { date: s.dateText })}: {counted(s.members, labels.sessionMembersNone, labels.sessionMembersOne, labels.sessionMembersMany)}
                  </span>{" "}
                  <BusyButton
                    className="button secondary"
                    busyLabel={labels.working}
                    aria-describedby={`session-${s.id}`}
                    disabled={s.members === 0}
                    onClick={() =>
                      void sessionForm.run(async () => {
                        const { awarded } = await send<{ awarded: number }>("POST", `/api/cohorts/${cohortId}/attendance`, { liveSessionId: s.id });
                        sessionForm.setNotice(awardedText(awarded));
                        router.refresh();
                      })
                    }
                  >
                    {labels.awardSession}
                  </BusyButton>
                </li>
              ))}
            </ul>
            <SuccessNotice />
          </Form>
        )}
      </section>
    </>
  );
}
