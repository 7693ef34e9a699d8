// An Open Badges 3.0 OpenBadgeCredential (a W3C Verifiable Credential, data model 2.0) and its
// proof as a VC-JWT (OB 3.0 §8.2, JSON Web Token proof format): the JWT's payload is the
// credential itself, with iss = issuer.id, jti = id, sub = credentialSubject.id and nbf = validFrom;
// the header names the algorithm (EdDSA) and the signing key (kid), typ "JWT".
// Pure apart from signing: the words come in already written, in the learner's language.
import { SignJWT, type CryptoKey } from "jose";

export const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const SIGNING_ALG = "EdDSA";

export type AchievementKind = "completed" | "attended";

export interface CredentialFacts {
  /** The credential's UUID: its id is urn:uuid:<id>, and its verification page /<locale>/verify/<id>. */
  id: string;
  /** A random UUID for the subject, linked to no account (the subject's id in the credential). */
  subjectId: string;
  /** The app's origin (https://example.org): the issuer's id. */
  origin: string;
  issuerName: string;
  kind: AchievementKind;
  locale: string;
  /** ISO time of issue: validFrom. */
  issuedAt: string;
  achievement: { id: string; name: string; description: string; criteria: string };
  /** The name printed, or null: no name shown. */
  printedName: string | null;
  status: { listUrl: string; position: number };
}

export interface OpenBadgeCredential {
  "@context": string[];
  id: string;
  type: string[];
  issuer: { id: string; type: string[]; name: string; url: string };
  validFrom: string;
  name: string;
  credentialSubject: {
    id: string;
    type: string[];
    identifier?: { type: "IdentityObject"; identityType: "name"; hashed: false; identityHash: string }[];
    achievement: {
      id: string;
      type: string[];
      achievementType: string;
      name: string;
      description: string;
      criteria: { narrative: string };
      inLanguage: string;
    };
  };
  credentialStatus: { id: string; type: "BitstringStatusListEntry"; statusPurpose: "revocation"; statusListIndex: string; statusListCredential: string };
}

/** The achievement types: OB 3.0's own for a completed course; an extension type for attendance. */
export const ACHIEVEMENT_TYPE: Record<AchievementKind, string> = { completed: "CertificateOfCompletion", attended: "ext:Attendance" };

export function buildCredential(f: CredentialFacts): OpenBadgeCredential {
  return {
    "@context": [VC_CONTEXT, OB3_CONTEXT],
    id: `urn:uuid:${f.id}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: f.origin, type: ["Profile"], name: f.issuerName, url: f.origin },
    validFrom: f.issuedAt,
    name: f.achievement.name,
    credentialSubject: {
      id: `urn:uuid:${f.subjectId}`,
      type: ["AchievementSubject"],
      // The printed name, as OB 3.0 identifies a recipient by name; nothing else about the person.
      ...(f.printedName ? { identifier: [{ type: "IdentityObject" as const, identityType: "name" as const, hashed: false as const, identityHash: f.printedName }] } : {}),
      achievement: {
        id: f.achievement.id,
        type: ["Achievement"],
        achievementType: ACHIEVEMENT_TYPE[f.kind],
        name: f.achievement.name,
        description: f.achievement.description,
        criteria: { narrative: f.achievement.criteria },
        inLanguage: f.locale,
      },
    },
    credentialStatus: {
      id: `${f.status.listUrl}#${f.status.position}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(f.status.position),
      statusListCredential: f.status.listUrl,
    },
  };
}

/** The credential as a VC-JWT signed with the key `kid`. */
export async function signCredential(credential: { id: string; issuer: { id: string } | string; validFrom: string; credentialSubject?: { id?: string } }, key: { kid: string; privateKey: CryptoKey }): Promise<string> {
  const issuer = typeof credential.issuer === "string" ? credential.issuer : credential.issuer.id;
  const jwt = new SignJWT(credential as unknown as Record<string, unknown>)
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: "JWT" })
    .setIssuer(issuer)
    .setJti(credential.id)
    .setNotBefore(Math.floor(Date.parse(credential.validFrom) / 1000));
  if (credential.credentialSubject?.id) jwt.setSubject(credential.credentialSubject.id);
  return jwt.sign(key.privateKey);
}

/** A Bitstring Status List credential (the list itself, also signed as a VC-JWT). */
export function buildStatusListCredential(input: { listUrl: string; origin: string; issuerName: string; validFrom: string; encodedList: string }) {
  return {
    "@context": [VC_CONTEXT],
    id: input.listUrl,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: { id: input.origin, type: ["Profile"], name: input.issuerName, url: input.origin },
    validFrom: input.validFrom,
    credentialSubject: { id: `${input.listUrl}#list`, type: "BitstringStatusList", statusPurpose: "revocation", encodedList: input.encodedList },
  };
}
