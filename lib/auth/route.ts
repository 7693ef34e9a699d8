// The next-auth route, plus the device cookie: after a successful password sign-in from a browser
// that has no device cookie yet, issue one and trust it for that account (lib/auth/throttle.ts).
import "server-only";
import NextAuth from "next-auth";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { authOptions } from "./options";
import { deviceSetCookie, newDeviceCookieValue, readDeviceId } from "./device";
import { trustDevice } from "./throttle";

type Ctx = { params: Promise<{ nextauth: string[] }> };

export async function authRoute(request: Request, context: Ctx): Promise<Response> {
  const { authSecret, secureCookies } = env();
  const isPasswordSignIn = request.method === "POST" && new URL(request.url).pathname.endsWith("/callback/credentials");
  const email = isPasswordSignIn ? String((await request.clone().formData().catch(() => null))?.get("email") ?? "") : "";
  const response: Response = await NextAuth(authOptions())(request, context);
  if (!isPasswordSignIn || !email || readDeviceId(request.headers.get("cookie"), authSecret, secureCookies)) return response;

  const signedIn = response.headers.getSetCookie().some((c) => /session-token=[^;]+/.test(c));
  if (!signedIn) return response;
  const device = newDeviceCookieValue(authSecret);
  await trustDevice(await getDb(), email, device.id);
  const headers = new Headers(response.headers);
  headers.append("Set-Cookie", deviceSetCookie(device.value, secureCookies));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
