"use client";
// The page's side of the service worker: registering it, and asking it about saved courses
// (lib/offline/protocol.ts; app/sw.ts answers). Only in a secure context (https, or localhost):
// browsers allow no service worker elsewhere, and on a hall's plain-http network the app works
// without one (answers wait in the outbox, pages come from the laptop).
import { OFFLINE_MESSAGE, type OfflineReply, type OfflineRequest } from "@/lib/offline/protocol";

type Ask = OfflineRequest extends infer R ? (R extends unknown ? Omit<R, "type"> : never) : never;

export function workerSupported(): boolean {
  return typeof window !== "undefined" && window.isSecureContext && "serviceWorker" in navigator;
}

/** Registers /sw.js after the page has loaded, so it never competes with the page's own files. */
export function registerWorker(): void {
  if (!workerSupported() || process.env.NODE_ENV !== "production") return;
  const register = () => void navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch(() => undefined);
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}

/**
 * Sends one request to the active worker and resolves with its last reply; `onReply` sees each
 * one (progress while saving). Rejects when there is no worker yet.
 */
export async function askWorker(request: Ask, onReply?: (reply: OfflineReply) => void): Promise<OfflineReply> {
  if (!workerSupported()) throw new Error("no service worker here");
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) throw new Error("no active service worker");
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<OfflineReply>) => {
      onReply?.(event.data);
      if (event.data.kind !== "progress") {
        channel.port1.close();
        resolve(event.data);
      }
    };
    worker.postMessage({ type: OFFLINE_MESSAGE, ...request }, [channel.port2]);
  });
}

/** Bytes as megabytes with one decimal, in the page's language ("0.4", "٠٫٤"). */
export function megabytes(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.max(mb, bytes > 0 ? 0.1 : 0));
}
