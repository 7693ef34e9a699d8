"use client";
// Joining a group from its join page: a signed-in learner joins with one button; anyone else may
// join with a nickname only, and is then shown their generated sign-in details once. Either way
// joining ends on the group's "what now" screen (app/[locale]/(learn)/groups/[cohort]). Built from
// the form kit (components/ui/form).
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useSend } from "@/components/api/use-send";
import { queryKeys } from "@/components/api/query-keys";
import { beforeSignIn, syncAfterSignIn } from "@/components/progress/sync";
import { BusyButton, Field, FieldFailure, Form, FormError, FormScope, SubmitButton, useFormState } from "@/components/ui/form";

export type JoinLabels = Record<
  | "nicknameLabel" | "nicknameHint" | "nicknameSubmit" | "detailsTitle" | "detailsWarning" | "detailsOnce" | "loginName"
  | "passphrase" | "writtenDown" | "continue" | "errorTitle" | "failed" | "working",
  string
> &
  /** With the group's name isolated in them (components/ui/user-text.tsx). */
  Record<"joinButton" | "joinedGroup", ReactNode>;

/** The group's "what now" screen, where joining ends: its one next thing comes first. */
const groupPath = (locale: string, cohortId: string) => `/${locale}/groups/${encodeURIComponent(cohortId)}`;

/** A signed-in learner joins with the code, then lands on the group's "what now" screen. */
export function JoinAsMember({ code, locale, labels }: { code: string; locale: string; labels: JoinLabels }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  // The learner's list of groups changes: the dashboard reads it afresh.
  const send = useSend({ invalidate: [queryKeys.myGroups()] });

  function join() {
    void form.run(
      async () => {
        const { cohortId } = await send<{ cohortId: string }>("POST", "/api/join", { code });
        router.push(groupPath(locale, cohortId));
        router.refresh();
      },
      { keepBusy: true },
    );
  }

  return (
    <FormScope form={form}>
      <FormError title={labels.errorTitle} id="join-error" />
      <div className="actions">
        <BusyButton busyLabel={labels.working} onClick={join}>
          {labels.joinButton}
        </BusyButton>
      </div>
    </FormScope>
  );
}

interface Details {
  loginName: string;
  passphrase: string;
  cohortId: string;
}

/** Join with a nickname only: no email. The login name and passphrase are shown once. */
export function NicknameJoin({ code, locale, labels }: { code: string; locale: string; labels: JoinLabels }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const send = useSend();
  const [details, setDetails] = useState<Details | null>(null);
  const [written, setWritten] = useState(false);
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const signedIn = useRef(false);

  // Once shown, the details take focus (screen readers read them first). Leaving before signing
  // in would lose details nobody else can show again: the browser asks first.
  useEffect(() => {
    if (!details) return;
    detailsHeading.current?.focus();
    const warn = (e: BeforeUnloadEvent) => {
      if (!signedIn.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [details]);

  function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const nickname = String(new FormData(e.currentTarget).get("nickname") ?? "").trim();
    void form.run(async () => {
      setDetails(await send<Details>("POST", "/api/join/nickname", { code, nickname }));
    });
  }

  function continueSignedIn() {
    if (!details) return;
    void form.run(
      async () => {
        // next-auth's own client, not the API client: it fetches the CSRF token and sets the session cookie.
        beforeSignIn();
        const result = await signIn("credentials", { email: details.loginName, password: details.passphrase, redirect: false });
        if (!result || result.error) throw new FieldFailure(result?.error ?? labels.failed);
        await syncAfterSignIn(locale);
        signedIn.current = true; // no "leave this page?" question on the way out
        router.push(groupPath(locale, details.cohortId));
        router.refresh();
      },
      { keepBusy: true },
    );
  }

  if (details) {
    return (
      <FormScope form={form}>
        <section className="join-details" aria-labelledby="details-title">
          <FormError title={labels.errorTitle} id="nickname-error" />
          <p className="join-details-group">{labels.joinedGroup}</p>
          <h2 id="details-title" tabIndex={-1} ref={detailsHeading}>
            {labels.detailsTitle}
          </h2>
          <p className="join-details-warning">{labels.detailsWarning}</p>
          <dl className="join-credentials">
            <dt>{labels.loginName}</dt>
            <dd>
              <code dir="ltr">{details.loginName}</code>
            </dd>
            <dt>{labels.passphrase}</dt>
            <dd>
              <code dir="ltr">{details.passphrase}</code>
            </dd>
          </dl>
          <p className="meta">{labels.detailsOnce}</p>
          <div className="check-row">
            <input id="written-down" type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} />
            <label htmlFor="written-down">{labels.writtenDown}</label>
          </div>
          <div className="actions">
            <BusyButton busyLabel={labels.working} disabled={!written} onClick={continueSignedIn}>
              {labels.continue}
            </BusyButton>
          </div>
        </section>
      </FormScope>
    );
  }

  return (
    <Form form={form} onSubmit={create}>
      <FormError title={labels.errorTitle} id="nickname-error" />
      <Field id="nickname" field="nickname" label={labels.nicknameLabel} hint={labels.nicknameHint}>
        {(c) => <input {...c} name="nickname" autoComplete="off" required maxLength={30} />}
      </Field>
      <div className="actions">
        <SubmitButton busyLabel={labels.working}>{labels.nicknameSubmit}</SubmitButton>
      </div>
    </Form>
  );
}
