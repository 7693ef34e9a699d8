// The one path every API request takes: same-origin check -> session -> JSON body (exact media
// type, bounded size) -> zod -> domain function -> typed result. Authorisation is decided inside
// the domain functions (lib/progress, ...); this wrapper makes sure they always receive a
// verified user and a validated input from the app's own pages, and that no error leaks.
import "server-only";
import { z } from "zod";
import type { SessionClaim, SessionUser } from "@/lib/auth/accounts";
import { currentUser, sessionClaim } from "@/lib/auth/session";
import { getDb, type Db } from "@/lib/db";
import { AppError, type NotFoundThing } from "@/lib/errors";
import { log } from "@/lib/log";
import { MAX_BODY_BYTES, readBodyText } from "./body";
import { safeRedirectPath } from "./redirect";
import { requestLocale, serverErrorText } from "./error-text";
import { issueMessage } from "./zod-errors";
import { isJsonMediaType, refuseCrossSite } from "./same-origin";

const NO_STORE = { "Cache-Control": "no-store" };

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers: { ...NO_STORE, ...headers } });
}

/**
 * An error as JSON: { error: the text in the request's language, code: its key, args?, field? }.
 * `error` stays the words, so a client that only shows it keeps working; `code` and `args` let a
 * page word it itself. Without a request (or a locale it knows) the words are English.
 */
export function errorResponse(e: unknown, request?: Pick<Request, "headers">): Response {
  const locale = requestLocale(request);
  if (e instanceof AppError) {
    // A rate limit's refusal says when to try again, to people (the message) and to software
    // (Retry-After, and retryAfterSeconds for the page to say it in the reader's language).
    const retry = typeof e.details?.retryAfterSeconds === "number" ? e.details.retryAfterSeconds : undefined;
    const field = typeof e.details?.field === "string" && e.details.field ? e.details.field : undefined;
    const args = e.args as Record<string, unknown>;
    return json(
      {
        error: serverErrorText(locale, { key: e.key, args }),
        code: e.key,
        ...(Object.keys(args).length ? { args } : {}),
        ...(field ? { field } : {}),
        ...(retry ? { retryAfterSeconds: retry } : {}),
      },
      e.status,
      retry ? { "Retry-After": String(retry) } : {},
    );
  }
  log("server.error", { message: e instanceof Error ? e.message : String(e) });
  return json({ error: serverErrorText(locale, { key: "http.internal" }), code: "http.internal" }, 500);
}

async function readJson(request: Request, maxBodyBytes = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonMediaType(request.headers.get("content-type"))) throw new AppError("bad_request", "http.notJson");
  const text = await readBodyText(request, maxBodyBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "http.badJson");
  }
}

/** Shortens text taken from the request, so an error never echoes a huge key back. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function parse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  // reportInput: tells a missing field (input undefined) from a wrong one; the input is not echoed.
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return r.data;
  const first = r.error.issues[0];
  // A path can quote the request's own keys: keep it short. The message is a key, never zod's words.
  const field = first.path.map((p) => clip(String(p), 40)).join(".");
  throw AppError.of("bad_request", issueMessage(first), field ? { field } : {});
}

interface Ctx<I> {
  user: SessionUser;
  input: I;
  db: Db;
  request: Request;
  /** The route's dynamic segments ({ cohort: "..." }); check them with `idParam`. */
  params: Record<string, string>;
}

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

async function readParams(context: RouteContext | undefined): Promise<Record<string, string>> {
  const p = (await context?.params) ?? {};
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
}

/** A UUID from the URL, or "not found" (a malformed id names nothing). */
export function idParam(params: Record<string, string>, name: string, what: NotFoundThing): string {
  const value = params[name];
  if (!value || !z.uuid().safeParse(value).success) throw new AppError("not_found", `notFound.${what}`);
  return value;
}

interface RouteOptions {
  /** A larger body ceiling than MAX_BODY_BYTES, for the one route that takes a file (the hall import). */
  maxBodyBytes?: number;
}

/** The signed-in user (currentUser: the cookie, then the database), or a 401. */
async function signedIn(request: Request): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    log("auth.denied", { reason: "unauthenticated", path: new URL(request.url).pathname });
    throw new AppError("unauthenticated", "auth.signIn");
  }
  return user;
}

/** A JSON endpoint for a signed-in user. `input` comes from the body (POST/DELETE) or the query (GET). */
export function userRoute<S extends z.ZodType>(schema: S, fn: (ctx: Ctx<z.output<S>>) => Promise<unknown>, options: RouteOptions = {}) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      refuseCrossSite(request);
      const user = await signedIn(request);
      const raw = request.method === "GET" ? Object.fromEntries(new URL(request.url).searchParams) : await readJson(request, options.maxBodyBytes);
      const input = parse(schema, raw);
      const result = await fn({ user, input, db: await getDb(), request, params: await readParams(context) });
      return result instanceof Response ? result : json(result ?? { ok: true });
    } catch (e) {
      return errorResponse(e, request);
    }
  };
}

/**
 * A userRoute (POST, JSON body) for one hot write that can check the session in its own statement:
 * `first` gets the session cookie's claim (decrypted, not yet confirmed by the database) and tries
 * the write in one statement that stores only while the session stands (`sessionStands`,
 * lib/auth/accounts.ts); it resolves to the result when it stored, or to undefined when it stored
 * nothing. Then, and for every other case, the request takes userRoute's path: the session checked
 * by currentUser (401 if it no longer stands), then `fn`. So a request that `first` does not answer
 * is answered exactly as userRoute would, and one it answers paid one round trip to the database
 * instead of two (answers on PostgreSQL, bench/README.md suite 3). A refused session still gets
 * its 401 before any 400 about its body.
 */
export function claimFirstRoute<S extends z.ZodType>(
  schema: S,
  first: (ctx: { claim: SessionClaim; input: z.output<S>; db: Db }) => Promise<unknown>,
  fn: (ctx: Ctx<z.output<S>>) => Promise<unknown>,
) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      refuseCrossSite(request);
      const claim = await sessionClaim();
      if (!claim) await signedIn(request);
      let input: z.output<S>;
      try {
        input = parse(schema, await readJson(request));
      } catch (e) {
        await signedIn(request);
        throw e;
      }
      const db = await getDb();
      const done = claim ? await first({ claim, input, db }) : undefined;
      if (done !== undefined) return json(done);
      const user = await signedIn(request);
      const result = await fn({ user, input, db, request, params: await readParams(context) });
      return result instanceof Response ? result : json(result ?? { ok: true });
    } catch (e) {
      return errorResponse(e, request);
    }
  };
}

/**
 * A JSON endpoint for anyone, signed in or not, that decides in the domain call what each may do
 * (live sessions: a group member by account, a nickname joiner by cookie). `user` is null when
 * nobody is signed in. `input` comes from the body (POST) or the query (GET), as in userRoute.
 */
export function visitorRoute<S extends z.ZodType>(schema: S, fn: (ctx: Omit<Ctx<z.output<S>>, "user"> & { user: SessionUser | null }) => Promise<unknown>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      refuseCrossSite(request);
      const user = await currentUser();
      const raw = request.method === "GET" ? Object.fromEntries(new URL(request.url).searchParams) : await readJson(request);
      const input = parse(schema, raw);
      const result = await fn({ user, input, db: await getDb(), request, params: await readParams(context) });
      return result instanceof Response ? result : json(result ?? { ok: true });
    } catch (e) {
      return errorResponse(e, request);
    }
  };
}

/** A JSON endpoint open to anyone (sign-up). */
export function publicRoute<S extends z.ZodType>(schema: S, fn: (ctx: Omit<Ctx<z.output<S>>, "user">) => Promise<unknown>, status = 200) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      refuseCrossSite(request);
      const input = parse(schema, await readJson(request));
      const result = await fn({ input, db: await getDb(), request, params: await readParams(context) });
      return json(result ?? { ok: true }, status);
    } catch (e) {
      return errorResponse(e, request);
    }
  };
}

/** A public GET that needs no session and reads no input (the LTI tool's public keys). */
export function openGetRoute(fn: (ctx: { db: Db; request: Request }) => Promise<unknown>, headers: Record<string, string> = {}) {
  return async (request: Request): Promise<Response> => {
    try {
      const result = await fn({ db: await getDb(), request });
      return result instanceof Response ? result : json(result, 200, headers);
    } catch (e) {
      return errorResponse(e, request);
    }
  };
}

const FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

/**
 * Where an LTI error is shown: the app's framable LTI error page, in the request's language, with
 * the error's key (lib/lti: "lti.expired", ...). Anything unexpected is logged and shown as the
 * general error.
 */
export function ltiErrorRedirect(e: unknown, request: Request): Response {
  let key = "http.internal";
  if (e instanceof AppError && (e.key.startsWith("lti.") || e.key === "http.tooLarge")) key = e.key;
  else log("server.error", { message: e instanceof Error ? e.message : String(e) });
  if (key !== "http.internal") log("lti.launch_refused", { reason: key, path: new URL(request.url).pathname });
  const path = safeRedirectPath(`/${requestLocale(request)}/lti/error?code=${encodeURIComponent(key)}`, "http://app.invalid")!;
  return new Response(null, { status: 303, headers: { Location: path, ...NO_STORE } });
}

/**
 * An LTI 1.3 endpoint the LMS sends the browser to: the login initiation (a GET with a query or a
 * form post) and the launch (a form post of the id_token). These are the app's only requests that
 * come, by design, from another site's page, so the same-origin rule of the JSON routes cannot
 * apply; nothing in them rides on a cookie either: each is judged by what it carries (the signed
 * state, the platform-signed id_token, the stored nonce: lib/lti). The body is a form
 * (application/x-www-form-urlencoded), bounded like every body, and checked with zod; an error
 * leads to the framable LTI error page, worded in the reader's language.
 */
export function ltiFormRoute<S extends z.ZodType>(schema: S, fn: (ctx: { input: z.output<S>; db: Db; request: Request }) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      let raw: Record<string, string>;
      if (request.method === "GET") {
        raw = Object.fromEntries(new URL(request.url).searchParams);
      } else {
        const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
        if (type !== FORM_MEDIA_TYPE) throw new AppError("bad_request", "lti.badLogin");
        raw = Object.fromEntries(new URLSearchParams(await readBodyText(request)));
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new AppError("bad_request", "lti.badLogin");
      return await fn({ input: parsed.data, db: await getDb(), request });
    } catch (e) {
      return ltiErrorRedirect(e, request);
    }
  };
}
