// A platform's public keys (its JWKS), fetched with a deadline and a size ceiling
// (lib/lti/fetch.ts), kept for a while, and fetched again when a token names a key id the cached
// set lacks (the platform rotated its key), at most once per cool-down, so a stream of tokens
// with made-up key ids cannot make the tool hammer the platform.
import "server-only";
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTHeaderParameters, type FlattenedJWSInput } from "jose";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { fetchJson } from "./fetch";

export const JWKS_MAX_AGE_MS = 10 * 60_000;
export const JWKS_COOLDOWN_MS = 30_000;
const MAX_KEYS = 50;

interface Cached {
  fetchedAt: number;
  set: ReturnType<typeof createLocalJWKSet>;
  kids: Set<string>;
}

const cache = processSingleton("lti-platform-jwks", () => new Map<string, Cached>());

/** For tests: forget every cached key set. */
export function clearPlatformKeyCache(): void {
  cache.clear();
}

function isJwks(value: unknown): value is JSONWebKeySet {
  return typeof value === "object" && value !== null && Array.isArray((value as { keys?: unknown }).keys) && (value as { keys: unknown[] }).keys.length <= MAX_KEYS;
}

async function load(url: string, fetcher: typeof fetch, now: number, timeoutMs?: number): Promise<Cached> {
  const body = await fetchJson(url, { headers: { accept: "application/json" } }, fetcher, timeoutMs);
  if (!isJwks(body)) throw new errors.JWKSInvalid("the platform's JWKS is not a key set");
  const entry = { fetchedAt: now, set: createLocalJWKSet(body), kids: new Set(body.keys.map((k) => String(k.kid ?? ""))) };
  cache.set(url, entry);
  log("lti.jwks_fetched", { keys: body.keys.length });
  return entry;
}

/** A key resolver for jose's jwtVerify: the platform's key named by the token's header. */
export function platformKeys(url: string, fetcher: typeof fetch = fetch, clock: () => number = Date.now, timeoutMs?: number) {
  return async (header: JWTHeaderParameters, token: FlattenedJWSInput) => {
    const now = clock();
    let entry = cache.get(url);
    if (!entry || now - entry.fetchedAt > JWKS_MAX_AGE_MS) entry = await load(url, fetcher, now, timeoutMs);
    else if (header.kid && !entry.kids.has(header.kid) && now - entry.fetchedAt > JWKS_COOLDOWN_MS) entry = await load(url, fetcher, now, timeoutMs);
    return entry.set(header, token);
  };
}
