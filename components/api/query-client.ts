// The app's one react-query client. It is a module-level singleton rather than a provider in the
// locale layout: a provider there put react-query on every page (about 18 KB gzip of 135), and
// the header, lessons and quizzes need none of it (bench/README.md, page weight). Screens reach
// it only through components/api/queries.ts, whose hooks are bound to it, so no island can miss
// a provider. Screens that poll set their own staleTime and refetchInterval on the query
// (components/cohort/live.tsx).
import { QueryClient } from "@tanstack/react-query";
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

let browserClient: QueryClient | undefined;

/**
 * The browser's one client, shared by every island, so a mutation on one screen refreshes
 * another's list. On the server each call makes a fresh one: a shared cache there would carry one
 * user's data (a query's initialData) into another's page.
 */
export function queryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
