"use client";
// The LRS settings form (admins; the routes check): address, key and secret (never shown back:
// the page only says whether they are set), xAPI version, the site's address in the records, and
// the switch. Beside it: a test record, and another round of tries for records that gave up.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { fill } from "@/components/ui/fill";
import { useSend } from "@/components/api/use-send";
import { BusyButton, Field, Form, FormError, FormScope, SubmitButton, SuccessNotice, useFormState } from "@/components/ui/form";
import "./admin.css";

export type LrsLabels = Record<
  | "settingsTitle" | "endpoint" | "endpointHint" | "key" | "secret" | "credentialsHint" | "version" | "activityBase" | "activityBaseHint"
  | "enabled" | "enabledHint" | "save" | "saved" | "test" | "testOk" | "testFailed" | "retry" | "retried" | "errorTitle" | "failed" | "working",
  string
>;

export interface LrsFormValues {
  endpoint: string;
  version: string;
  enabled: boolean;
  activityBase: string;
  configured: boolean;
  canRetry: boolean;
}

const VERSIONS = ["1.0.3", "2.0.0"];

export function LrsSettings({ values, labels }: { values: LrsFormValues; labels: LrsLabels }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const test = useFormState(labels.failed);
  const retry = useFormState(labels.failed);
  const send = useSend();
  const [testOutcome, setTestOutcome] = useState("");

  function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const element = e.currentTarget;
    const data = new FormData(element);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const key = text("key");
    const secret = text("secret");
    const activityBase = text("activityBase");
    void form.run(
      async () => {
        await send("POST", "/api/admin/xapi", {
          endpoint: text("endpoint"),
          ...(key || secret ? { key, secret } : {}),
          version: text("version"),
          enabled: data.get("enabled") === "on",
          ...(activityBase ? { activityBase } : {}),
        });
        // The key and secret are never shown again; the page says they are set.
        (element.elements.namedItem("key") as HTMLInputElement).value = "";
        (element.elements.namedItem("secret") as HTMLInputElement).value = "";
        router.refresh();
      },
      { done: labels.saved },
    );
  }

  function sendTest() {
    setTestOutcome("");
    void test.run(async () => {
      const r = await send<{ ok: boolean; status: number | null; error: string | null }>("POST", "/api/admin/xapi/test", {});
      setTestOutcome(r.ok ? fill(labels.testOk, { status: String(r.status) }) : fill(labels.testFailed, { error: r.error ?? "" }));
      router.refresh();
    });
  }

  function retryDead() {
    void retry.run(async () => {
      const r = await send<{ requeued: number }>("POST", "/api/admin/xapi/retry", {});
      retry.setNotice(fill(labels.retried, { count: String(r.requeued) }));
      router.refresh();
    });
  }

  return (
    <>
      <Form form={form} onSubmit={save} aria-labelledby="lrs-settings-title">
        <h2 id="lrs-settings-title">{labels.settingsTitle}</h2>
        <FormError title={labels.errorTitle} id="lrs-error" level={3} />
        <Field id="lrs-endpoint" field="endpoint" label={labels.endpoint} hint={labels.endpointHint}>
          {(c) => <input {...c} name="endpoint" type="url" inputMode="url" dir="ltr" required maxLength={500} defaultValue={values.endpoint} autoComplete="off" />}
        </Field>
        <Field id="lrs-key" field="key" label={labels.key} hint={labels.credentialsHint}>
          {(c) => <input {...c} name="key" type="text" dir="ltr" maxLength={500} autoComplete="off" />}
        </Field>
        <Field id="lrs-secret" field="secret" label={labels.secret} hint={labels.credentialsHint}>
          {(c) => <input {...c} name="secret" type="password" dir="ltr" maxLength={500} autoComplete="new-password" />}
        </Field>
        <Field id="lrs-version" field="version" label={labels.version}>
          {(c) => (
            <select {...c} name="version" defaultValue={values.version}>
              {VERSIONS.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="lrs-base" field="activityBase" label={labels.activityBase} hint={labels.activityBaseHint}>
          {(c) => <input {...c} name="activityBase" type="url" inputMode="url" dir="ltr" maxLength={200} defaultValue={values.activityBase} autoComplete="off" />}
        </Field>
        <Field id="lrs-enabled" field="enabled" check label={labels.enabled} hint={labels.enabledHint}>
          {(c) => <input {...c} name="enabled" type="checkbox" defaultChecked={values.enabled} />}
        </Field>
        <SuccessNotice />
        <div className="actions">
          <SubmitButton busyLabel={labels.working}>{labels.save}</SubmitButton>
        </div>
      </Form>

      {values.configured && (
        <FormScope form={test}>
          <div className="lrs-action">
            <BusyButton className="button secondary" busyLabel={labels.working} onClick={sendTest}>
              {labels.test}
            </BusyButton>
            <SuccessNotice>{testOutcome}</SuccessNotice>
            <FormError id="lrs-test-error" />
          </div>
        </FormScope>
      )}
      {values.canRetry && (
        <FormScope form={retry}>
          <div className="lrs-action">
            <BusyButton className="button secondary" busyLabel={labels.working} onClick={retryDead}>
              {labels.retry}
            </BusyButton>
            <SuccessNotice />
            <FormError id="lrs-retry-error" />
          </div>
        </FormScope>
      )}
    </>
  );
}
