// Checks an LTI 1.3 id_token (LTI Core 1.3 section 5.1.3, IMS Security Framework 5.1.3): the
// signature against the platform's keys, issuer, audience and authorised party, expiry and issue
// time, the nonce the login sent, the deployment, the message type and version, and the claims
// the tool relies on. Every refusal is an AppError whose key names what was wrong, so the launch
// page can say it in the reader's language. The nonce's single use is the caller's (lib/lti/nonces.ts).
import "server-only";
import { errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { AppError, type ServerErrorKey } from "@/lib/errors";
import { CLAIM, launchClaims, type LaunchClaims } from "./claims";

/** Algorithms a platform may sign with (asymmetric only: "none" and HMAC are never accepted). */
export const PLATFORM_ALGS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384"];
/** Clock skew allowed between the LMS and the tool. */
export const CLOCK_TOLERANCE_S = 60;
/** An id_token older than this (by its iat) is refused even if its exp is later. */
export const MAX_TOKEN_AGE_S = 10 * 60;

export interface VerifyTarget {
  issuer: string;
  clientId: string;
  deploymentIds: readonly string[];
}

export type LtiKey = Extract<ServerErrorKey, `lti.${string}`>;
const refuse = (key: LtiKey) => new AppError(key === "lti.platformUnreachable" ? "internal" : "bad_request", key);

/** The jose error of a failed check, as the refusal a person can read. */
function refusalOf(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof errors.JWTExpired) return refuse("lti.expired");
  if (e instanceof errors.JWSSignatureVerificationFailed) return refuse("lti.badSignature");
  if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys) return refuse("lti.unknownKey");
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === "aud") return refuse("lti.wrongAudience");
    if (e.claim === "iss") return refuse("lti.wrongIssuer");
    if (e.claim === "iat" || e.claim === "nbf") return refuse("lti.expired");
    return refuse("lti.badMessage");
  }
  if (e instanceof errors.JOSEAlgNotAllowed) return refuse("lti.badSignature");
  if (e instanceof Error && e.name === "PlatformFetchError") return refuse("lti.platformUnreachable");
  if (e instanceof errors.JWKSInvalid || e instanceof errors.JWKSTimeout) return refuse("lti.platformUnreachable");
  return refuse("lti.badMessage");
}

/** A verified launch: the claims, and the nonce the token carried (for its single use). */
export interface VerifiedLaunch {
  claims: LaunchClaims;
  nonce: string;
}

export async function verifyIdToken(idToken: string, target: VerifyTarget, keys: JWTVerifyGetKey, expectedNonce: string, now = new Date()): Promise<VerifiedLaunch> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(idToken, keys, {
      issuer: target.issuer,
      audience: target.clientId,
      algorithms: PLATFORM_ALGS,
      clockTolerance: CLOCK_TOLERANCE_S,
      maxTokenAge: MAX_TOKEN_AGE_S,
      requiredClaims: ["exp", "iat", "nonce", "sub"],
      currentDate: now,
    }));
  } catch (e) {
    throw refusalOf(e);
  }
  // Several audiences: the tool must be the authorised party (OIDC Core 3.1.3.7, LTI 5.1.3).
  const aud = payload.aud;
  if (Array.isArray(aud) && aud.length > 1 && payload.azp === undefined) throw refuse("lti.wrongAudience");
  if (payload.azp !== undefined && payload.azp !== target.clientId) throw refuse("lti.wrongAudience");
  if (payload.nonce !== expectedNonce) throw refuse("lti.replayed");
  const parsed = launchClaims.safeParse(payload);
  if (!parsed.success) {
    // A deployment the platform never registered is its own refusal (what an admin fixes).
    throw refuse("lti.badMessage");
  }
  const claims = parsed.data;
  if (!target.deploymentIds.includes(claims[CLAIM.deploymentId])) throw refuse("lti.unknownDeployment");
  if (claims[CLAIM.messageType] === "LtiResourceLinkRequest" && !claims[CLAIM.resourceLink]) throw refuse("lti.badMessage");
  if (claims[CLAIM.messageType] === "LtiDeepLinkingRequest" && !claims[CLAIM.deepLinking]) throw refuse("lti.badMessage");
  return { claims, nonce: expectedNonce };
}
