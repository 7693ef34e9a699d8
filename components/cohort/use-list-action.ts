"use client";
// One action at a time on a list the page shows (assignments, invitations), on the form kit's
// state: it clears the last error, marks the form busy, sends the write as a mutation that
// refreshes the list when it succeeds, says so in the success notice, or shows the error (the
// summary takes focus).
import type { QueryKey } from "@tanstack/react-query";
import { useSend } from "@/components/api/use-send";
import { useFormState } from "@/components/ui/form";

export function useListAction(key: QueryKey, failedLabel: string) {
  const form = useFormState(failedLabel);
  const send = useSend({ invalidate: [key] });

  async function run(action: () => Promise<unknown>, done: string) {
    await form.run(action, { done });
  }

  return { form, run, send };
}
