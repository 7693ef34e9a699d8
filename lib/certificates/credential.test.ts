// Signing and verifying credentials without a database: the Open Badges 3.0 shape, a good
// credential, tampered ones (token and file), a key that was rotated away, and revocation.
import crypto from "node:crypto";
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { ACHIEVEMENT_TYPE, buildCredential, OB3_CONTEXT, signCredential, VC_CONTEXT, type CredentialFacts } from "./credential";
import { LIST_BITS } from "./status-list";
import { readSubmission, verifyCredential, type VerifyDeps } from "./verify";

const ORIGIN = "https://ground.example";
const LIST = `${ORIGIN}/api/credentials/status/1`;

async function key(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  return { kid, privateKey: privateKey as CryptoKey, jwk: { ...(await exportJWK(publicKey)), kid } as JWK };
}

const facts = (over: Partial<CredentialFacts> = {}): CredentialFacts => ({
  id: crypto.randomUUID(),
  subjectId: crypto.randomUUID(),
  origin: ORIGIN,
  issuerName: "Common Ground",
  kind: "completed",
  locale: "en",
  issuedAt: "2026-12-01T10:00:00.000Z",
  achievement: { id: `${ORIGIN}/en/courses/c`, name: "Completed: C", description: "The course C.", criteria: "Completed the course C: 12 lessons and the final check." },
  printedName: "Amal Haddad",
  status: { listUrl: LIST, position: 4242 },
  ...over,
});

describe("credentials", () => {
  let current: Awaited<ReturnType<typeof key>>;
  let old: Awaited<ReturnType<typeof key>>;
  const revoked = new Set<number>();
  let deps: VerifyDeps;

  beforeAll(async () => {
    [current, old] = await Promise.all([key("new-key"), key("old-key")]);
    const published = new Map([current, old].map((k) => [k.kid, k.jwk]));
    deps = {
      key: async (kid) => published.get(kid),
      statusBit: async (url, position) => (url === LIST && position < LIST_BITS ? revoked.has(position) : null),
    };
  });

  it("builds an OpenBadgeCredential on the VC 2.0 and OB 3.0 contexts", () => {
    const c = buildCredential(facts());
    expect(c["@context"]).toEqual([VC_CONTEXT, OB3_CONTEXT]);
    expect(c.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(c.issuer).toEqual({ id: ORIGIN, type: ["Profile"], name: "Common Ground", url: ORIGIN });
    expect(c.credentialSubject.type).toEqual(["AchievementSubject"]);
    expect(c.credentialSubject.achievement).toMatchObject({ type: ["Achievement"], achievementType: "CertificateOfCompletion", criteria: { narrative: expect.stringContaining("12 lessons") } });
    expect(c.credentialSubject.identifier).toEqual([{ type: "IdentityObject", identityType: "name", hashed: false, identityHash: "Amal Haddad" }]);
    expect(c.credentialStatus).toEqual({ id: `${LIST}#4242`, type: "BitstringStatusListEntry", statusPurpose: "revocation", statusListIndex: "4242", statusListCredential: LIST });
    expect(ACHIEVEMENT_TYPE.attended).not.toBe(ACHIEVEMENT_TYPE.completed);
  });

  it("leaves the name out when none is printed, and the subject's id is linked to nothing", () => {
    const f = facts({ printedName: null });
    const c = buildCredential(f);
    expect(c.credentialSubject.identifier).toBeUndefined();
    expect(c.credentialSubject.id).toBe(`urn:uuid:${f.subjectId}`);
  });

  it("signs a VC-JWT whose claims mirror the credential (OB 3.0 §8.2)", async () => {
    const c = buildCredential(facts());
    const jwt = await signCredential(c, current);
    const [header, payload] = jwt.split(".").slice(0, 2).map((p) => JSON.parse(Buffer.from(p, "base64url").toString()));
    expect(header).toEqual({ alg: "EdDSA", kid: "new-key", typ: "JWT" });
    expect(payload).toMatchObject({ iss: ORIGIN, jti: c.id, sub: c.credentialSubject.id, nbf: Date.parse(c.validFrom) / 1000, "@context": c["@context"] });
  });

  it("verifies a good credential, and says what it says", async () => {
    const f = facts();
    const jwt = await signCredential(buildCredential(f), current);
    const result = await verifyCredential({ jwt }, deps);
    expect(result).toEqual({
      state: "valid",
      summary: expect.objectContaining({ id: f.id, name: "Amal Haddad", achievementName: "Completed: C", issuerName: "Common Ground", issuedAt: f.issuedAt }),
    });
  });

  it("verifies what a rotated (retired but published) key signed", async () => {
    const jwt = await signCredential(buildCredential(facts()), old);
    expect((await verifyCredential({ jwt }, deps)).state).toBe("valid");
  });

  it("finds a tampered token, a tampered file beside a good token, and a forged key id", async () => {
    const c = buildCredential(facts());
    const jwt = await signCredential(c, current);
    const [h, p, s] = jwt.split(".");
    const payload = JSON.parse(Buffer.from(p, "base64url").toString());
    payload.credentialSubject.identifier[0].identityHash = "Someone Else";
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`;
    expect((await verifyCredential({ jwt: forged }, deps)).state).toBe("tampered");
    // The file's copy changed, the token not: the copy is not what was signed.
    const copy = structuredClone(c);
    copy.credentialSubject.achievement.criteria.narrative = "Completed everything with top marks.";
    expect((await verifyCredential({ jwt, copy }, deps)).state).toBe("tampered");
    expect((await verifyCredential({ jwt, copy: c }, deps)).state).toBe("valid");
    // Signed by someone else's key under one of our key ids.
    const stranger = await key("new-key");
    expect((await verifyCredential({ jwt: await signCredential(c, stranger) }, deps)).state).toBe("tampered");
    // A key id we never published.
    expect((await verifyCredential({ jwt: await signCredential(c, await key("elsewhere")) }, deps)).state).toBe("unknown-issuer");
  });

  it("refuses a signed token whose claims disagree with the credential", async () => {
    const c = buildCredential(facts());
    const { SignJWT } = await import("jose");
    const jwt = await new SignJWT(c as never).setProtectedHeader({ alg: "EdDSA", kid: "new-key", typ: "JWT" }).setIssuer("https://other.example").setJti(c.id).setNotBefore(Date.parse(c.validFrom) / 1000).sign(current.privateKey);
    expect((await verifyCredential({ jwt }, deps)).state).toBe("tampered");
  });

  it("says revoked once the status bit is set", async () => {
    const jwt = await signCredential(buildCredential(facts({ status: { listUrl: LIST, position: 7 } })), current);
    revoked.add(7);
    expect((await verifyCredential({ jwt }, deps)).state).toBe("revoked");
    const outside = await signCredential(buildCredential(facts({ status: { listUrl: LIST, position: LIST_BITS + 1 } })), current);
    expect((await verifyCredential({ jwt: outside }, deps)).state).toBe("tampered");
  });

  it("reads a bare token, the JSON download, or a quoted token, and nothing else", async () => {
    const jwt = await signCredential(buildCredential(facts()), current);
    expect(readSubmission(` ${jwt}\n`)).toEqual({ jwt });
    expect(readSubmission(JSON.stringify({ credential: { a: 1 }, jwt }))).toEqual({ jwt, copy: { a: 1 } });
    expect(readSubmission(JSON.stringify(jwt))).toEqual({ jwt });
    for (const bad of ["", "hello", "{}", '{"jwt": 5}', "a.b", "x".repeat(40_000)]) expect(readSubmission(bad), bad.slice(0, 20)).toBeNull();
    expect((await verifyCredential({ jwt: "a.b.c" }, deps)).state).toBe("unreadable");
  });
});
