// The next-auth route, plus two cookies after a successful password sign-in: the device cookie, for
// a browser that has none yet, trusted for that account (lib/auth/throttle.ts); and the language
// saved on the account (lib/account/locale.ts), so this browser's "/" leads to it.
// Its POSTs (sign-in, sign-out) pass the same guards as the JSON routes first: from the app's own
// pages only, and a body read up to the size limit, never whole.
import "server-only";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { localeSetCookie, savedLocale } from "@/lib/account/locale";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/handler";
import { readBodyBytes } from "@/lib/http/body";
import { refuseCrossSite } from "@/lib/http/same-origin";
import { authOptions } from "./options";
import { readCookie } from "./cookies";
import { deviceSetCookie, newDeviceCookieValue, readDeviceId } from "./device";
import { trustDevice } from "./throttle";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** next-auth's own test of a callback URL (core/lib/assert.js): relative, or http(s). */
function validCallbackUrl(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

/** A 400 worded in the request's language, like every API error (lib/http/handler.ts). */
function badRequest(request: Request, key: "auth.badSignInLink" | "auth.badSignInCookie" | "http.badJson", headers: Record<string, string> = {}): Response {
  const res = errorResponse(new AppError("bad_request", key), request);
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

/**
 * Requests next-auth would answer with a crash or a 500 "server configuration" page, answered
 * here with a 400 instead (found by tests/fuzz/sign-in.fuzz.test.ts): a JSON body that does not
 * parse, and a callback URL (query or cookie) that is neither relative nor http(s).
 */
async function malformed(request: Request, secure: boolean): Promise<Response | null> {
  const query = new URL(request.url).searchParams.get("callbackUrl");
  if (query !== null && !validCallbackUrl(query)) return badRequest(request, "auth.badSignInLink");
  const cookieName = `${secure ? "__Secure-" : ""}next-auth.callback-url`;
  const value = readCookie(request.headers.get("cookie"), cookieName);
  if (value !== undefined && !validCallbackUrl(value)) {
    return badRequest(request, "auth.badSignInCookie", {
      "Set-Cookie": `${cookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`,
    });
  }
  if (request.method === "POST" && (request.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      JSON.parse(await request.clone().text());
    } catch {
      return badRequest(request, "http.badJson");
    }
  }
  return null;
}

/**
 * The request as next-auth will see it: a POST from another site is refused (403), and a POST
 * body is read once, up to the limit (413 beyond it), then handed on from memory.
 */
async function guarded(request: Request): Promise<Request> {
  if (request.method !== "POST") return request;
  refuseCrossSite(request);
  const body = await readBodyBytes(request);
  return new NextRequest(request.url, { method: request.method, headers: request.headers, body });
}

export async function authRoute(incoming: Request, context: Ctx): Promise<Response> {
  const { authSecret, secureCookies } = env();
  let request: Request;
  try {
    request = await guarded(incoming);
  } catch (e) {
    if (e instanceof AppError) return errorResponse(e, incoming);
    throw e;
  }
  const refused = await malformed(request, secureCookies);
  if (refused) return refused;
  const isPasswordSignIn = request.method === "POST" && new URL(request.url).pathname.endsWith("/callback/credentials");
  const email = isPasswordSignIn ? String((await request.clone().formData().catch(() => null))?.get("email") ?? "") : "";
  const response: Response = await NextAuth(authOptions())(request, context);
  if (!isPasswordSignIn || !email) return response;
  const signedIn = response.headers.getSetCookie().some((c) => /session-token=[^;]+/.test(c));
  if (!signedIn) return response;

  const db = await getDb();
  const extra: string[] = [];
  // The language saved on the account comes back on this browser too, so "/" leads to it.
  const locale = await savedLocale(db, email);
  if (locale) extra.push(localeSetCookie(locale, secureCookies));
  if (!readDeviceId(request.headers.get("cookie"), authSecret, secureCookies)) {
    const device = newDeviceCookieValue(authSecret);
    await trustDevice(db, email, device.id);
    extra.push(deviceSetCookie(device.value, secureCookies));
  }
  if (extra.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const cookie of extra) headers.append("Set-Cookie", cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
