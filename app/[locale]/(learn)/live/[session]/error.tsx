"use client";
import { ErrorState } from "@/components/ui/error-state";

// A failed read on the phone view shows calm words and a retry, not a blank screen.
export default function LivePhoneError({ retry }: { error: unknown; retry: () => void }) {
  return <ErrorState retry={retry} />;
}
