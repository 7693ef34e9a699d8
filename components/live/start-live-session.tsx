"use client";
// "Start a live session" on a group's page, and "Run the plan live" when the group follows a
// workshop plan: POST /api/live, then the control page. Built from the form kit, so a refusal
// (an archived group) shows in a role=alert summary.
import { useRouter } from "next/navigation";
import { BusyButton, FormError, FormScope, useFormState } from "@/components/ui/form";
import { useSend } from "@/components/api/use-send";
import type { StartLabels } from "./labels";

export function StartLiveSession({ locale, cohortId, planId, labels }: { locale: string; cohortId: string; planId: string | null; labels: StartLabels }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const send = useSend();

  function start(trackId: string | null) {
    void form.run(
      async () => {
        const { id } = await send<{ id: string }>("POST", "/api/live", trackId ? { cohortId, trackId } : { cohortId });
        router.push(`/${locale}/facilitate/live/${id}`);
      },
      { keepBusy: true },
    );
  }

  return (
    <FormScope form={form}>
      <FormError title={labels.errorTitle} id="live-ctl-start-error" level={3} />
      <div className="actions live-ctl-start-actions">
        {planId && (
          <BusyButton className="button" busyLabel={labels.working} onClick={() => start(planId)}>
            {labels.runPlan}
          </BusyButton>
        )}
        <BusyButton className={planId ? "button secondary" : "button"} busyLabel={labels.working} onClick={() => start(null)}>
          {labels.start}
        </BusyButton>
      </div>
    </FormScope>
  );
}
