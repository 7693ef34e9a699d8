// A platform's keyset: fetched once and kept, fetched again for a key id it lacks (after the
// cool-down only), refused when too large, and a slow platform costs a deadline, not a hang.
import { exportJWK, generateKeyPair, SignJWT, jwtVerify } from "jose";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RESPONSE_MAX_BYTES } from "./fetch";
import { clearPlatformKeyCache, JWKS_COOLDOWN_MS, platformKeys } from "./platform-keys";

process.env.LOG_SILENT = "1";

async function keyPair(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  return { jwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256" }, sign: () => new SignJWT({ sub: "x" }).setProtectedHeader({ alg: "RS256", kid }).setIssuedAt().setExpirationTime("5m").sign(privateKey) };
}

type Pair = Awaited<ReturnType<typeof keyPair>>;
let k1: Pair;
let k2: Pair;

describe("platformKeys", () => {
  // RSA key generation is slow on a loaded machine: made once, with room (a limit, not a speed check).
  beforeAll(async () => {
    [k1, k2] = await Promise.all([keyPair("k1"), keyPair("k2")]);
  }, 60_000);
  beforeEach(() => clearPlatformKeyCache());

  it("fetches the keyset once, and again for an unknown key id only after the cool-down", async () => {
    let published = [k1.jwk];
    let fetches = 0;
    const fetcher = (async () => {
      fetches++;
      return Response.json({ keys: published });
    }) as typeof fetch;
    let now = 1_000_000;
    const keys = platformKeys("https://lms.example/jwks", fetcher, () => now);
    await jwtVerify(await k1.sign(), keys);
    await jwtVerify(await k1.sign(), keys);
    expect(fetches).toBe(1);

    // The platform rotates to k2: within the cool-down the tool does not ask again.
    published = [k1.jwk, k2.jwk];
    await expect(jwtVerify(await k2.sign(), keys)).rejects.toThrow();
    expect(fetches).toBe(1);
    now += JWKS_COOLDOWN_MS + 1;
    await jwtVerify(await k2.sign(), keys);
    expect(fetches).toBe(2);
  });

  it("refuses a keyset larger than the ceiling without reading it all", async () => {
    const huge = JSON.stringify({ keys: [{ kty: "oct", k: "x".repeat(RESPONSE_MAX_BYTES) }] });
    const fetcher = (async () => new Response(huge, { headers: { "content-type": "application/json" } })) as typeof fetch;
    await expect(jwtVerify(await k1.sign(), platformKeys("https://big.example/jwks", fetcher))).rejects.toMatchObject({ reason: "too_large" });
  });

  it("gives up on a platform that does not answer", async () => {
    const fetcher = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(Object.assign(new Error("timed out"), { name: "TimeoutError" }))))) as typeof fetch;
    await expect(jwtVerify(await k1.sign(), platformKeys("https://slow.example/jwks", fetcher, Date.now, 50))).rejects.toMatchObject({ reason: "timeout" });
  });
});
