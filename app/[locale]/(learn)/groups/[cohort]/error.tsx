"use client";
import { ErrorState } from "@/components/ui/error-state";

// A failed read on this page shows calm words and a retry, not a blank screen (components/ui/error-state.tsx).
export default function GroupError({ retry }: { error: unknown; retry: () => void }) {
  return <ErrorState retry={retry} />;
}
