// The next-auth route, plus the device cookie: after a successful password sign-in from a browser
// that has no device cookie yet, issue one and trust it for that account (lib/auth/throttle.ts).
// Its POSTs (sign-in, sign-out) pass the same guards as the JSON routes first: from the app's own
// pages only, and a body read up to the size limit, never whole.
import "server-only";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
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
  if (!isPasswordSignIn || !email || readDeviceId(request.headers.get("cookie"), authSecret, secureCookies)) return response;

  const signedIn = response.headers.getSetCookie().some((c) => /session-token=[^;]+/.test(c));
  if (!signedIn) return response;
  const device = newDeviceCookieValue(authSecret);
  await trustDevice(await getDb(), email, device.id);
  const headers = new Headers(response.headers);
  headers.append("Set-Cookie", deviceSetCookie(device.value, secureCookies));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
