"use client";
// Withdrawing one of my certificates (issued by mistake): its check page then says it is withdrawn.
import { useRouter } from "next/navigation";
import { useSend } from "@/components/api/use-send";
import { BusyButton, Form, FormError, useFormState } from "@/components/ui/form";

export function WithdrawButton({ id, labels }: { id: string; labels: Record<"withdraw" | "withdrawHint" | "working" | "failed" | "errorTitle", string> }) {
  const form = useFormState(labels.failed);
  const send = useSend();
  const router = useRouter();
  return (
    <Form form={form} className="withdraw-form" onSubmit={(e) => e.preventDefault()}>
      <FormError title={labels.errorTitle} id={`withdraw-${id}-error`} level={3} />
      <p className="hint" id={`withdraw-${id}-hint`}>
        {labels.withdrawHint}
      </p>
      <BusyButton
        className="button secondary"
        busyLabel={labels.working}
        aria-describedby={`withdraw-${id}-hint`}
        onClick={() =>
          void form.run(async () => {
            await send("DELETE", `/api/credentials/${id}`);
            router.refresh();
          })
        }
      >
        {labels.withdraw}
      </BusyButton>
    </Form>
  );
}
