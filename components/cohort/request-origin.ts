// The join link is absolute (it is printed and turned into a QR code), so it needs the origin
// the facilitator reached the app by: the Host header, and the proxy's scheme when there is one.
import "server-only";
import { headers } from "next/headers";
import { hallOriginFor } from "@/lib/hall/address";

export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = (h.get("host") ?? "").trim();
  const proto = h.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  // A Host header is the client's to write: keep it to what a host name and port can hold.
  const safeHost = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host) ? host : "localhost";
  return `${proto === "https" ? "https" : "http"}://${safeHost}`;
}

/**
 * The join address for a sheet, a panel or the projector's QR code. On a hall laptop
 * (`npm run hall`) it holds the LAN IP address phones can reach (not localhost, nor a .local name
 * many Android phones cannot resolve): lib/hall/address.ts.
 */
export async function joinUrl(locale: string, code: string): Promise<string> {
  const origin = await requestOrigin();
  const hall = hallOriginFor(new URL(origin).host);
  return `${hall ?? origin}/${locale}/join/${code}`;
}

