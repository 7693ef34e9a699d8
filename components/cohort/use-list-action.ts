"use client";
// One action at a time on a list the page shows (assignments, invitations): it clears the last
// error, marks the form busy, refreshes the list when the action succeeds and says so in a status
// line, or shows the error summary (which takes focus) when it fails.
import { useState } from "react";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useFailure } from "./error-summary";

export function useListAction(key: QueryKey, failedLabel: string) {
  const queryClient = useQueryClient();
  const { error, fail, clear, ref } = useFailure();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    clear();
    setStatus("");
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: key });
      setStatus(done);
    } catch (e) {
      fail(e, failedLabel);
    } finally {
      setBusy(false);
    }
  }

  return { run, busy, status, error, ref };
}
