// Checking a credential: the VC-JWT's signature against the app's published keys (retired ones
// too), that the signed payload is an Open Badges 3.0 credential whose JWT claims agree with it,
// that a copy of the credential sent beside the token says the same as the token, and its bit in
// the status list. The keys and the status list come in as functions, so this is pure apart from
// the signature check and tested without a database.
import { decodeProtectedHeader, importJWK, jwtVerify, type JWK } from "jose";
import { z } from "zod";
import { OB3_CONTEXT, SIGNING_ALG, VC_CONTEXT } from "./credential";

/** The largest token or file the verifier reads (a credential of this app is about 2 KB). */
export const MAX_CREDENTIAL_CHARS = 32 * 1024;

export type VerifyState = "valid" | "revoked" | "tampered" | "unknown-issuer" | "unreadable";

/** What the verification page shows: only what the credential itself says. */
export interface CredentialSummary {
  id: string;
  achievementName: string;
  achievementType: string;
  description: string;
  criteria: string;
  /** The printed name, or null: no name shown. */
  name: string | null;
  issuedAt: string;
  issuerName: string;
  issuerId: string;
  locale: string;
}

export type VerifyResult = { state: "valid" | "revoked"; summary: CredentialSummary } | { state: "tampered" | "unknown-issuer" | "unreadable" };

export interface VerifyDeps {
  /** A published key of the app by id, or undefined. */
  key(kid: string): Promise<JWK | undefined>;
  /** The status bit at a list URL and position (true: revoked); null when the list or position is not this app's. */
  statusBit(listUrl: string, position: number): Promise<boolean | null>;
}

const obCredential = z.object({
  "@context": z.array(z.string()).refine((c) => c[0] === VC_CONTEXT && c.includes(OB3_CONTEXT)),
  id: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/),
  type: z.array(z.string()).refine((t) => t.includes("VerifiableCredential") && t.includes("OpenBadgeCredential")),
  issuer: z.object({ id: z.string().max(500), name: z.string().max(500) }),
  validFrom: z.iso.datetime({ offset: true }),
  credentialSubject: z.object({
    id: z.string().max(500).optional(),
    identifier: z.array(z.object({ identityType: z.string(), identityHash: z.string().max(500) })).optional(),
    achievement: z.object({
      achievementType: z.string().max(100),
      name: z.string().max(1000),
      description: z.string().max(4000),
      criteria: z.object({ narrative: z.string().max(4000) }),
      inLanguage: z.string().max(35).optional(),
    }),
  }),
  credentialStatus: z.object({
    type: z.literal("BitstringStatusListEntry"),
    statusPurpose: z.literal("revocation"),
    statusListIndex: z.string().regex(/^\d{1,9}$/),
    statusListCredential: z.string().max(500),
  }),
});

/**
 * What was handed in, as a token and, when the file held one, the credential beside it: a bare
 * JWT, or JSON with "jwt" (this app's download: { credential, jwt }) or a JSON string of a JWT.
 */
export function readSubmission(text: string): { jwt: string; copy?: unknown } | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_CREDENTIAL_CHARS) return null;
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(trimmed)) return { jwt: trimmed };
  try {
    const parsed = JSON.parse(trimmed) as unknown;
    if (typeof parsed === "string") return readSubmission(parsed);
    if (parsed && typeof parsed === "object" && typeof (parsed as { jwt?: unknown }).jwt === "string") {
      const { jwt, credential } = parsed as { jwt: string; credential?: unknown };
      return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jwt) ? { jwt, ...(credential !== undefined ? { copy: credential } : {}) } : null;
    }
  } catch {
    return null;
  }
  return null;
}

/** Deep equality of JSON values (key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The JWT's registered claims, which are not part of the credential a file shows beside it. */
const JWT_CLAIMS = ["iss", "jti", "sub", "nbf", "exp", "iat", "aud"];

export async function verifyCredential(submission: { jwt: string; copy?: unknown }, deps: VerifyDeps): Promise<VerifyResult> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(submission.jwt);
    if (header.alg !== SIGNING_ALG || typeof header.kid !== "string") return { state: "unknown-issuer" };
    kid = header.kid;
  } catch {
    return { state: "unreadable" };
  }
  const jwk = await deps.key(kid);
  if (!jwk) return { state: "unknown-issuer" };
  let payload: Record<string, unknown>;
  try {
    const verified = await jwtVerify(submission.jwt, await importJWK(jwk, SIGNING_ALG), { algorithms: [SIGNING_ALG], clockTolerance: 300 });
    payload = verified.payload as Record<string, unknown>;
  } catch {
    return { state: "tampered" };
  }
  const parsed = obCredential.safeParse(payload);
  if (!parsed.success) return { state: "tampered" };
  const c = parsed.data;
  // The claims must say what the credential says (OB 3.0 §8.2): a token whose claims differ is not this credential.
  if (payload.iss !== c.issuer.id || payload.jti !== c.id || (c.credentialSubject.id !== undefined && payload.sub !== c.credentialSubject.id)) return { state: "tampered" };
  if (typeof payload.nbf !== "number" || payload.nbf !== Math.floor(Date.parse(c.validFrom) / 1000)) return { state: "tampered" };
  if (submission.copy !== undefined) {
    const signed = Object.fromEntries(Object.entries(payload).filter(([k]) => !JWT_CLAIMS.includes(k)));
    if (!sameJson(signed, submission.copy)) return { state: "tampered" };
  }
  const bit = await deps.statusBit(c.credentialStatus.statusListCredential, Number(c.credentialStatus.statusListIndex));
  if (bit === null) return { state: "tampered" };
  const name = c.credentialSubject.identifier?.find((i) => i.identityType === "name")?.identityHash ?? null;
  const a = c.credentialSubject.achievement;
  return {
    state: bit ? "revoked" : "valid",
    summary: {
      id: c.id.slice("urn:uuid:".length),
      achievementName: a.name,
      achievementType: a.achievementType,
      description: a.description,
      criteria: a.criteria.narrative,
      name,
      issuedAt: c.validFrom,
      issuerName: c.issuer.name,
      issuerId: c.issuer.id,
      locale: a.inLanguage ?? "en",
    },
  };
}
