"use client";
// A write as a react-query mutation: the screen calls `send(method, url, body)` (usually inside
// the form kit's `form.run`, which shows the failure), and on success the queries named in
// `invalidate` are refetched, so every screen showing them agrees with the server.
import { useCallback } from "react";
import type { QueryKey } from "@tanstack/react-query";
import { apiSend, type SendMethod } from "./api";
import { useMutation } from "./queries";
import { queryClient } from "./query-client";

interface SendVars {
  method: SendMethod;
  url: string;
  body?: unknown;
}

export type Send = <T = unknown>(method: SendMethod, url: string, body?: unknown) => Promise<T>;

export function useSend(options: { invalidate?: readonly QueryKey[] } = {}): Send {
  const invalidate = options.invalidate ?? [];
  // The keys as a string: callers build them inline, and the mutation should not change with each render.
  const keys = JSON.stringify(invalidate);
  const { mutateAsync } = useMutation({
    mutationFn: ({ method, url, body }: SendVars) => apiSend(method, url, body),
    onSuccess: () => Promise.all((JSON.parse(keys) as QueryKey[]).map((queryKey) => queryClient().invalidateQueries({ queryKey }))),
  });
  return useCallback(<T,>(method: SendMethod, url: string, body?: unknown) => mutateAsync({ method, url, body }) as Promise<T>, [mutateAsync]);
}
