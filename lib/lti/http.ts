// The LTI endpoints' answers (app/api/lti/*): the login's redirect to the platform, the launch's
// session cookie and redirect into the app, the tool's public keys. Route files only wire these.
import "server-only";
import type { SessionUser } from "@/lib/auth/accounts";
import { ltiHintCookie, ltiSessionCookie } from "@/lib/auth/lti-session";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appOrigin } from "@/lib/http/same-origin";
import { safeRedirectPath } from "@/lib/http/redirect";
import { log } from "@/lib/log";
import { answerDeepLink, type DeepLinkChoice } from "./deep-linking";
import { databaseToolKeys } from "./keys";
import { completeLaunch, startLogin, type LaunchInput, type LoginInput } from "./launch";
import { syncRoster } from "./roster";

const NO_STORE = { "Cache-Control": "no-store" };

export async function loginResponse(db: Db, input: LoginInput, request: Request): Promise<Response> {
  const location = await startLogin(db, input, appOrigin(request), env().authSecret);
  return new Response(null, { status: 302, headers: { Location: location, ...NO_STORE } });
}

export async function launchResponse(db: Db, input: LaunchInput, request: Request): Promise<Response> {
  const { authSecret, secureCookies } = env();
  const origin = appOrigin(request);
  const result = await completeLaunch(db, input, origin, authSecret);
  const cookie = await ltiSessionCookie(result.account, authSecret, secureCookies);
  if (result.roster) {
    // After answering: the roster never delays the launch, and a failure is only logged.
    const roster = result.roster;
    const course = /^\/[^/]+\/lti\/courses\/([a-z0-9-]+)/.exec(result.path)?.[1];
    if (course) {
      setImmediate(() => {
        syncRoster(db, roster, result.locale, course, { keys: databaseToolKeys(db) }).catch((e: unknown) =>
          log("lti.roster_failed", { platformId: roster.platformId, reason: e instanceof Error ? e.message.slice(0, 80) : "error" }),
        );
      });
    }
  }
  const path = safeRedirectPath(result.path, origin) ?? `/${result.locale}/lti/error?code=lti.badTarget`;
  const headers = new Headers({ Location: path, ...NO_STORE });
  headers.append("Set-Cookie", cookie);
  headers.append("Set-Cookie", ltiHintCookie(result.account.role));
  return new Response(null, { status: 303, headers });
}

export async function toolJwks(db: Db) {
  return databaseToolKeys(db).publicJwks();
}

export function answerDeepLinkRequest(db: Db, user: SessionUser, id: string, input: DeepLinkChoice & { locale: string }, request: Request) {
  return answerDeepLink(db, user, id, input.locale, { items: input.items }, appOrigin(request), databaseToolKeys(db));
}
