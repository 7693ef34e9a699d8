"use client";
// Suspend or restore one facilitator (admins only; the route checks). After the change the page
// is read again from the server, and the outcome is announced. The button is never disabled
// (only aria-disabled while busy), so keyboard focus stays on it across the change.
import { useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { fill } from "@/components/ui/fill";
import { NAME_SLOT, UserText, withNames } from "@/components/ui/user-text";
import "./admin.css";

export type SuspendLabels = Record<"suspend" | "restore" | "nowSuspended" | "nowActive" | "failed" | "working", string>;

export function SuspendButton({ id, name, suspended, labels }: { id: string; name: string; suspended: boolean; labels: SuspendLabels }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: ReactNode; error: boolean } | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function toggle() {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(`/api/admin/facilitators/${id}/suspend`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ suspended: !suspended }),
      });
      if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { error?: string }).error ?? labels.failed);
      setMessage({ text: withNames(fill(suspended ? labels.nowActive : labels.nowSuspended, { name: NAME_SLOT }), name), error: false });
      router.refresh();
    } catch (e) {
      setMessage({ text: e instanceof Error && e.message ? e.message : labels.failed, error: true });
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="suspend-control">
      <button type="button" className={suspended ? "button secondary" : "button secondary danger-outline"} aria-disabled={busy || undefined} onClick={() => void toggle()}>
        {busy ? labels.working : suspended ? labels.restore : labels.suspend}
        <span className="visually-hidden">
          {" "}
          <UserText>{name}</UserText>
        </span>
      </button>
      <p role="status" className="meta suspend-message">
        {message && !message.error ? message.text : ""}
      </p>
      {message?.error && (
        <p role="alert" className="error-text" tabIndex={-1} ref={errorRef}>
          {message.text}
        </p>
      )}
    </div>
  );
}
