// Access tokens for the platform's services (AGS, NRPS): the OAuth 2 client-credentials grant
// with a JWT client assertion signed by the tool's key (IMS Security Framework 4.1, RFC 7523).
// Tokens are kept until shortly before they expire, per platform and scope set.
import "server-only";
import crypto from "node:crypto";
import { SignJWT } from "jose";
import { processSingleton } from "@/lib/process-singleton";
import { fetchJson, PlatformFetchError } from "./fetch";
import type { ToolKeyStore } from "./keys";
import type { Platform } from "./platforms";

const tokens = processSingleton("lti-service-tokens", () => new Map<string, { token: string; until: number }>());

export function clearServiceTokens(): void {
  tokens.clear();
}

/** The signed assertion the tool presents as its credentials. */
export async function clientAssertion(platform: Pick<Platform, "clientId" | "tokenUrl" | "audience">, keys: ToolKeyStore, now = new Date()): Promise<string> {
  const { kid, alg, key } = await keys.signingKey();
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg, kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.audience ?? platform.tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .setJti(crypto.randomUUID())
    .sign(key);
}

export async function serviceToken(platform: Platform, scopes: readonly string[], keys: ToolKeyStore, fetcher: typeof fetch = fetch, now = new Date()): Promise<string> {
  const scope = [...scopes].sort().join(" ");
  const cacheKey = `${platform.id}\u0000${scope}`;
  const cached = tokens.get(cacheKey);
  if (cached && cached.until > now.getTime()) return cached.token;
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: await clientAssertion(platform, keys, now),
    scope,
  });
  const reply = (await fetchJson(platform.tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, body }, fetcher)) as {
    access_token?: unknown;
    expires_in?: unknown;
  } | null;
  if (!reply || typeof reply.access_token !== "string") throw new PlatformFetchError("not_json");
  const seconds = typeof reply.expires_in === "number" && reply.expires_in > 0 ? reply.expires_in : 3600;
  tokens.set(cacheKey, { token: reply.access_token, until: now.getTime() + Math.max(0, seconds - 60) * 1000 });
  return reply.access_token;
}
