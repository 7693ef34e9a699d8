"use client";
// One action at a time on a list the page shows (assignments, invitations), on the form kit's
// state: it clears the last error, marks the form busy, refreshes the list when the action
// succeeds and says so in the success notice, or shows the error (the summary takes focus).
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useFormState } from "@/components/ui/form";

export function useListAction(key: QueryKey, failedLabel: string) {
  const queryClient = useQueryClient();
  const form = useFormState(failedLabel);

  async function run(action: () => Promise<unknown>, done: string) {
    await form.run(async () => {
      await action();
      await queryClient.invalidateQueries({ queryKey: key });
    }, { done });
  }

  return { form, run };
}
