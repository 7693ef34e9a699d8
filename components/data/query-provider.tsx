"use client";
// The app's one react-query client, mounted once in the locale layout so every island shares a
// cache (a mutation on one screen refreshes another's list). It holds nothing on the server (the
// state is made in the browser), so static pages stay static. Screens that poll set their own
// staleTime and refetchInterval on the query (components/cohort/live.tsx).
import { useState, type ReactNode } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ApiError } from "./api";

/** A refusal will not change on a retry (4xx); a lost connection or a server fault may. */
export function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) return false;
  return failures < 2;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000 },
      // A write is never repeated behind the user's back; the form shows the failure instead
      // (the outbox, not react-query, retries answers).
      mutations: { retry: false },
    },
  });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
