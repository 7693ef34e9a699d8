// Test helper: an LRS set up as an admin would, through the same function as the admin page.
import type { Db } from "@/lib/db/client";
import { saveLrsSettings } from "../settings";

const ADMIN = { id: "00000000-0000-4000-8000-000000000001", role: "admin" as const, displayName: "Test admin" };

export async function setUpLrs(handle: Db, o: { endpoint?: string; key?: string; secret?: string; enabled?: boolean; version?: "1.0.3" | "2.0.0" } = {}) {
  return saveLrsSettings(
    handle,
    ADMIN,
    {
      // Port 9 (discard) refuses at once: nothing is sent unless a test starts a stand-in.
      endpoint: o.endpoint ?? "http://127.0.0.1:9/xapi/",
      ...(o.key !== undefined && o.secret !== undefined ? { key: o.key, secret: o.secret } : {}),
      version: o.version ?? "1.0.3",
      enabled: o.enabled ?? true,
    },
    "https://commonground.example",
  );
}
