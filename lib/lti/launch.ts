// The two requests of an LTI 1.3 launch (LTI Core 1.3 section 5.1.1, OIDC third-party-initiated
// login): the platform's login initiation, answered with a redirect to its authorisation endpoint
// carrying a signed state and a stored nonce; then its form post of the id_token, checked
// (lib/lti/verify.ts), its nonce used up, and turned into an account, a group and the page to open.
import "server-only";
import crypto from "node:crypto";
import type { JWTVerifyGetKey } from "jose";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { safeRedirectPath } from "@/lib/http/redirect";
import { knownLocale } from "@/lib/http/error-text";
import { log } from "@/lib/log";
import { joinContext, ltiAccount, type LtiAccount } from "./accounts";
import { CLAIM, mapRoles, SCOPE } from "./claims";
import { storeNonce, spendNonce } from "./nonces";
import { platformById, platformForLogin } from "./platforms";
import { platformKeys } from "./platform-keys";
import { newNonce, readState, signState } from "./state";
import { gradedActivity, resolveTarget, targetPath } from "./targets";
import { verifyIdToken } from "./verify";

export const LOGIN_PATH = "/api/lti/login";
export const LAUNCH_PATH = "/api/lti/launch";
export const DEEP_LINK_TTL_S = 60 * 60;

const value = (max: number) => z.string().min(1).max(max);
/** A login initiation (LTI Core 1.3 section 5.1.1.1), by query (GET) or form (POST). */
export const loginInput = z.object({
  iss: value(2000),
  login_hint: value(2000),
  target_link_uri: value(2000),
  lti_message_hint: value(4000).optional(),
  client_id: value(255).optional(),
  lti_deployment_id: value(255).optional(),
});
export type LoginInput = z.infer<typeof loginInput>;

export const launchInput = z.object({ id_token: value(16_000), state: value(4000) });
export type LaunchInput = z.infer<typeof launchInput>;

/** The platform's authorisation URL this login continues at. */
export async function startLogin(handle: Db, input: LoginInput, appOrigin: string, secret: string, now = new Date()): Promise<string> {
  const platform = await platformForLogin(handle, input.iss, input.client_id);
  const target = safeRedirectPath(input.target_link_uri, appOrigin);
  if (!target) throw new AppError("bad_request", "lti.badTarget");
  if (input.lti_deployment_id && !platform.deploymentIds.includes(input.lti_deployment_id)) throw new AppError("bad_request", "lti.unknownDeployment");
  const nonce = newNonce();
  await storeNonce(handle, platform.id, nonce, now);
  const state = await signState({ platformId: platform.id, nonce, target }, secret, now);
  const url = new URL(platform.authEndpoint);
  const params = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: `${appOrigin}${LAUNCH_PATH}`,
    login_hint: input.login_hint,
    state,
    nonce,
    ...(input.lti_message_hint ? { lti_message_hint: input.lti_message_hint } : {}),
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

/** The app locale for an LMS locale ("fr-CA" -> "fr"), else English. */
export function launchLocale(lmsLocale: string | undefined): string {
  if (!lmsLocale) return "en";
  return knownLocale(lmsLocale) ?? knownLocale(lmsLocale.split(/[-_]/)[0]) ?? "en";
}

export interface LaunchResult {
  account: LtiAccount;
  /** The app page to open (same origin). */
  path: string;
  locale: string;
  /** A teacher's launch with a membership service: the course's roster to fetch, after answering. */
  roster?: { platformId: string; contextId: string };
}

export interface LaunchDeps {
  /** The platform's key resolver (tests pass the simulator's keys). */
  keysFor?: (jwksUrl: string) => JWTVerifyGetKey;
  now?: Date;
}

export async function completeLaunch(handle: Db, input: LaunchInput, appOrigin: string, secret: string, deps: LaunchDeps = {}): Promise<LaunchResult> {
  const now = deps.now ?? new Date();
  const state = await readState(input.state, secret, now);
  const platform = await platformById(handle, state.platformId);
  if (!platform) throw new AppError("bad_request", "lti.unknownPlatform");
  const keys = (deps.keysFor ?? ((url: string) => platformKeys(url)))(platform.jwksUrl);
  const { claims } = await verifyIdToken(input.id_token, { issuer: platform.issuer, clientId: platform.clientId, deploymentIds: platform.deploymentIds }, keys, state.nonce, now);
  // The nonce is spent before anything is written: a replayed token stops here.
  if (!(await spendNonce(handle, platform.id, state.nonce, now))) throw new AppError("bad_request", "lti.replayed");

  const role = mapRoles(claims[CLAIM.roles]);
  const locale = launchLocale(claims[CLAIM.launchPresentation]?.locale);
  const deepLinking = claims[CLAIM.messageType] === "LtiDeepLinkingRequest";
  if (deepLinking && role !== "instructor") throw new AppError("forbidden", "lti.notInstructor");
  const target = deepLinking ? undefined : resolveTarget(locale, claims[CLAIM.custom], claims[CLAIM.targetLinkUri] ?? state.target, appOrigin);
  const context = claims[CLAIM.context];
  const membershipsUrl = claims[CLAIM.nrps]?.context_memberships_url;

  const result = await writeTx(handle, async (trx) => {
    const account = await ltiAccount(trx, platform.id, claims.sub, role);
    if (context && target) {
      await joinContext(trx, { platformId: platform.id, contextId: context.id, title: context.title, membershipsUrl, locale, course: target.course }, account.id, role);
    }
    const ags = claims[CLAIM.ags];
    if (target && ags?.lineitem && ags.scope.includes(SCOPE.score)) {
      await trx
        .insertInto("lti_grade_links")
        .values({ user_id: account.id, line_item_url: ags.lineitem, platform_id: platform.id, sub: claims.sub, course_id: target.course, activity_id: gradedActivity(target), created_at: now.toISOString() })
        .onConflict((oc) => oc.columns(["user_id", "line_item_url"]).doUpdateSet({ course_id: target.course, activity_id: gradedActivity(target) }))
        .execute();
    }
    let path: string;
    if (deepLinking) {
      const settings = claims[CLAIM.deepLinking]!;
      const id = crypto.randomUUID();
      await trx
        .insertInto("lti_deep_links")
        .values({
          id,
          platform_id: platform.id,
          deployment_id: claims[CLAIM.deploymentId],
          user_id: account.id,
          return_url: settings.deep_link_return_url,
          data: settings.data ?? null,
          accept_multiple: settings.accept_multiple === false ? 0 : 1,
          expires_at: new Date(now.getTime() + DEEP_LINK_TTL_S * 1000).toISOString(),
          used_at: null,
        })
        .execute();
      path = `/${locale}/lti/deep-link/${id}`;
    } else {
      path = targetPath(locale, target!);
    }
    return { account, path };
  });
  log("lti.launch", { platformId: platform.id, userId: result.account.id, kind: deepLinking ? "deep-linking" : "resource-link", role });
  return {
    ...result,
    locale,
    roster: role === "instructor" && context && membershipsUrl ? { platformId: platform.id, contextId: context.id } : undefined,
  };
}
