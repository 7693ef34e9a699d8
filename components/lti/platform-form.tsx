"use client";
// An admin registers a school's learning platform (LTI 1.3), or removes one. The route checks the
// role; the page is read again from the server afterwards.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useSend } from "@/components/api/use-send";
import { BusyButton, Field, Form, FormError, SuccessNotice, SubmitButton, useFormState } from "@/components/ui/form";

const FIELDS = ["name", "issuer", "clientId", "authEndpoint", "jwksUrl", "tokenUrl", "audience", "deploymentIds"] as const;
type FieldName = (typeof FIELDS)[number];
export type PlatformFormLabels = Record<FieldName | `${FieldName}Hint` | "save" | "saving" | "saved" | "failed", string>;

export function PlatformForm({ labels }: { labels: PlatformFormLabels }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const send = useSend();

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (k: FieldName) => String(data.get(k) ?? "").trim();
    const body = {
      name: value("name"),
      issuer: value("issuer"),
      clientId: value("clientId"),
      authEndpoint: value("authEndpoint"),
      jwksUrl: value("jwksUrl"),
      tokenUrl: value("tokenUrl"),
      ...(value("audience") ? { audience: value("audience") } : {}),
      deploymentIds: value("deploymentIds")
        .split(/[\s,]+/)
        .filter(Boolean),
    };
    const target = e.currentTarget;
    void form.run(
      async () => {
        await send("POST", "/api/admin/lti/platforms", body);
        target.reset();
        router.refresh();
      },
      { done: labels.saved },
    );
  }

  return (
    <Form form={form} onSubmit={submit}>
      <FormError />
      {FIELDS.map((f) => (
        <Field key={f} id={`lti-${f}`} field={f} label={labels[f]} hint={labels[`${f}Hint`] || undefined}>
          {(c) => (f === "deploymentIds" ? <textarea {...c} name={f} rows={2} /> : <input {...c} name={f} type={f === "name" || f === "clientId" || f === "audience" ? "text" : "url"} autoComplete="off" dir="ltr" />)}
        </Field>
      ))}
      <SubmitButton busyLabel={labels.saving}>{labels.save}</SubmitButton>
      <SuccessNotice>{form.notice}</SuccessNotice>
    </Form>
  );
}

export function RemovePlatform({ id, name, labels }: { id: string; name: string; labels: Record<"remove" | "removing" | "failed", string> }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const send = useSend();
  const [gone, setGone] = useState(false);
  return (
    <Form form={form} className="inline-form" onSubmit={(e) => e.preventDefault()}>
      <BusyButton
        className="button secondary danger-outline"
        busyLabel={labels.removing}
        onClick={() =>
          void form.run(async () => {
            await send("DELETE", `/api/admin/lti/platforms/${id}`);
            setGone(true);
            router.refresh();
          })
        }
        disabled={gone}
      >
        {labels.remove} <span className="visually-hidden">{name}</span>
      </BusyButton>
      <FormError />
    </Form>
  );
}
