"use client";
// react-query's hooks bound to the app's one client (query-client.ts): every screen imports them
// from here, never from @tanstack/react-query, so none needs a provider above it and none can be
// left without one (components/api/one-client.test.ts checks the imports).
import { useMutation as useMutationWith, useQuery as useQueryWith } from "@tanstack/react-query";
import { queryClient } from "./query-client";

export const useQuery = ((options: Parameters<typeof useQueryWith>[0]) => useQueryWith(options, queryClient())) as typeof useQueryWith;

export const useMutation = ((options: Parameters<typeof useMutationWith>[0]) => useMutationWith(options, queryClient())) as typeof useMutationWith;
