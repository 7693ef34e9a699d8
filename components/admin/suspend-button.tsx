"use client";
// Suspend or restore one facilitator (admins only; the route checks), built from the form kit.
// After the change the page is read again from the server, and the outcome is announced. The
// button stays focusable while busy (aria-disabled, not disabled), so keyboard focus stays on it
// across the change.
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { fill } from "@/components/ui/fill";
import { useSend } from "@/components/api/use-send";
import { BusyButton, FormError, FormScope, SuccessNotice, useFormState } from "@/components/ui/form";
import { NAME_SLOT, UserText, withNames } from "@/components/ui/user-text";
import "./admin.css";

export type SuspendLabels = Record<"suspend" | "restore" | "nowSuspended" | "nowActive" | "failed" | "working", string>;

export function SuspendButton({ id, name, suspended, labels }: { id: string; name: string; suspended: boolean; labels: SuspendLabels }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const send = useSend();
  // The outcome names the facilitator, isolated (<bdi>): a node, not the kit's plain-text notice.
  const [done, setDone] = useState<ReactNode>("");

  function toggle() {
    setDone("");
    void form.run(async () => {
      await send("POST", `/api/admin/facilitators/${id}/suspend`, { suspended: !suspended });
      setDone(withNames(fill(suspended ? labels.nowActive : labels.nowSuspended, { name: NAME_SLOT }), name));
      router.refresh();
    });
  }

  const who = (
    <span className="visually-hidden">
      {" "}
      <UserText>{name}</UserText>
    </span>
  );
  return (
    <FormScope form={form}>
      <div className="suspend-control">
        <BusyButton
          className={suspended ? "button secondary" : "button secondary danger-outline"}
          keepFocus
          busyLabel={
            <>
              {labels.working}
              {who}
            </>
          }
          onClick={toggle}
        >
          {suspended ? labels.restore : labels.suspend}
          {who}
        </BusyButton>
        <SuccessNotice className="meta suspend-message">{done}</SuccessNotice>
        <FormError id={`suspend-error-${id}`} />
      </div>
    </FormScope>
  );
}
