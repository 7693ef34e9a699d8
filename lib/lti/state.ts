// The login's state: a short-lived value signed by the app (HMAC with a key derived from the
// session secret) that the platform hands back with the id_token. It binds the launch to the login
// the tool started (platform, nonce, target) without a cookie, which a browser blocks in an LMS's
// iframe; the nonce inside it is also stored, hashed, for its single use (lib/lti/nonces.ts).
import "server-only";
import crypto from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { AppError } from "@/lib/errors";

export const STATE_TTL_S = 10 * 60;

function stateKey(secret: string): Uint8Array {
  return new Uint8Array(crypto.hkdfSync("sha256", secret, "common-ground", "lti login state v1", 32));
}

const stateClaims = z.object({ p: z.string().max(64), n: z.string().max(100), t: z.string().max(2000) });
export type LoginState = { platformId: string; nonce: string; target: string };

export async function signState(state: LoginState, secret: string, now = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ p: state.platformId, n: state.nonce, t: state.target })
    .setProtectedHeader({ alg: "HS256", typ: "lti-state" })
    .setIssuedAt(iat)
    .setExpirationTime(iat + STATE_TTL_S)
    .sign(stateKey(secret));
}

export async function readState(value: string, secret: string, now = new Date()): Promise<LoginState> {
  try {
    const { payload } = await jwtVerify(value, stateKey(secret), { algorithms: ["HS256"], typ: "lti-state", currentDate: now });
    const s = stateClaims.parse(payload);
    return { platformId: s.p, nonce: s.n, target: s.t };
  } catch (e) {
    if (e instanceof Error && e.name === "JWTExpired") throw new AppError("bad_request", "lti.expired");
    throw new AppError("bad_request", "lti.badState");
  }
}

/** A fresh nonce (256 random bits) and the hash it is stored under. */
export function newNonce(): string {
  return crypto.randomBytes(32).toString("base64url");
}
export const nonceHash = (nonce: string) => crypto.createHash("sha256").update(nonce).digest("hex");
