"use client";
// The offline banner and the service worker's registration, mounted once by the locale layout.
// The banner is a status region (always present, empty when online, so screen readers announce
// the change): shown when the browser says it is offline, or a request to the app just failed.
import { useEffect, useState } from "react";
import { NETWORK_EVENT } from "@/components/api/api";
import { registerWorker } from "./sw-client";

export function OfflineStatus({ label }: { label: string }) {
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    registerWorker();
    const update = () => setOffline(!navigator.onLine);
    const failed = (e: Event) => setOffline((e as CustomEvent<boolean>).detail === false || !navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    window.addEventListener(NETWORK_EVENT, failed);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
      window.removeEventListener(NETWORK_EVENT, failed);
    };
  }, []);
  return (
    <div className="offline-status" role="status">
      {offline && <p className="container">{label}</p>}
    </div>
  );
}
