"use client";
// Joining a live session from its join page (/<locale>/join/<code>): an ad hoc session asks a
// nickname only (no email); a group session joins a signed-in member with one button. Either way
// the phone then follows the session on /<locale>/live/<id>. Built from the form kit.
import type { FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useSend } from "@/components/api/use-send";
import { BusyButton, Field, Form, FormError, FormScope, SubmitButton, useFormState } from "@/components/ui/form";

export type LiveJoinLabels = Record<"nicknameLabel" | "nicknameHint" | "joinButton" | "errorTitle" | "failed" | "working", string>;

const phonePath = (locale: string, sessionId: string) => `/${locale}/live/${encodeURIComponent(sessionId)}`;

/** An ad hoc session: a nickname, then the phone view. A refusal shows beside the field, the nickname kept. */
export function LiveNicknameJoin({ code, locale, labels }: { code: string; locale: string; labels: LiveJoinLabels }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const send = useSend();

  function join(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const nickname = String(new FormData(e.currentTarget).get("nickname") ?? "").trim();
    void form.run(
      async () => {
        const { sessionId } = await send<{ sessionId: string }>("POST", "/api/live/join", { code, nickname });
        router.push(phonePath(locale, sessionId));
      },
      { keepBusy: true },
    );
  }

  return (
    <Form form={form} onSubmit={join}>
      <FormError title={labels.errorTitle} id="live-join-error" />
      <Field id="live-nickname" field="nickname" label={labels.nicknameLabel} hint={labels.nicknameHint}>
        {(c) => <input {...c} name="nickname" autoComplete="nickname" required maxLength={30} className="live-join-input" />}
      </Field>
      <div className="actions">
        <SubmitButton busyLabel={labels.working}>{labels.joinButton}</SubmitButton>
      </div>
    </Form>
  );
}

/** A group session: a signed-in member joins as themselves. */
export function LiveMemberJoin({ code, locale, labels }: { code: string; locale: string; labels: LiveJoinLabels }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const send = useSend();

  function join() {
    void form.run(
      async () => {
        const { sessionId } = await send<{ sessionId: string }>("POST", "/api/live/join", { code });
        router.push(phonePath(locale, sessionId));
      },
      { keepBusy: true },
    );
  }

  return (
    <FormScope form={form}>
      <FormError title={labels.errorTitle} id="live-join-error" />
      <div className="actions">
        <BusyButton busyLabel={labels.working} onClick={join}>
          {labels.joinButton}
        </BusyButton>
      </div>
    </FormScope>
  );
}
