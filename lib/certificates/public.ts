// What anyone may read, signed in or not: the published keys (JWKS), the status list as a signed
// credential, a credential by id (to download or verify), and the verification of a file. None of
// it reveals more than the credential itself says: no account id, email, group or score.
import "server-only";
import type { JWK } from "jose";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { serverTranslator } from "@/lib/http/error-text";
import { activeSigner, publicKey, publishedKeys } from "@/lib/signing-keys/keys";
import { buildStatusListCredential, signCredential } from "./credential";
import { decodePayload, STATUS_LIST_ID, statusListUrl, type IssueOptions } from "./issue";
import { encodeStatusList } from "./status-list";
import { readSubmission, verifyCredential, type VerifyDeps, type VerifyResult } from "./verify";

export async function credentialKeys(handle: Db): Promise<{ keys: JWK[] }> {
  return { keys: await publishedKeys(handle, "credentials") };
}

/** The revoked positions of a list: allocated to a credential that is revoked or no longer exists. */
export async function revokedPositions(handle: Db, listId: string): Promise<number[]> {
  const rows = await handle.db
    .selectFrom("credential_status as s")
    .leftJoin("credentials as c", "c.id", "s.credential_id")
    .select("s.position")
    .where("s.list_id", "=", listId)
    .where((eb) => eb.or([eb("c.id", "is", null), eb("c.revoked_at", "is not", null)]))
    .execute();
  return rows.map((r) => Number(r.position));
}

/** The status list as a signed Bitstring Status List credential (VC-JWT); undefined for an unknown list. */
export async function statusListJwt(handle: Db, listId: string, opts: IssueOptions): Promise<string | undefined> {
  if (listId !== STATUS_LIST_ID) return undefined;
  const credential = buildStatusListCredential({
    listUrl: statusListUrl(opts.origin, listId),
    origin: opts.origin,
    issuerName: serverTranslator("en", "site")("name"),
    validFrom: new Date().toISOString(),
    encodedList: encodeStatusList(await revokedPositions(handle, listId)),
  });
  return signCredential(credential, await activeSigner(handle, "credentials", opts.secret));
}

/** The status of one position, from the database: true when revoked, null when no credential was given it. */
async function positionRevoked(handle: Db, listId: string, position: number): Promise<boolean | null> {
  const row = await handle.db
    .selectFrom("credential_status as s")
    .leftJoin("credentials as c", "c.id", "s.credential_id")
    .select(["c.id", "c.revoked_at"])
    .where("s.list_id", "=", listId)
    .where("s.position", "=", position)
    .executeTakeFirst();
  if (!row) return null;
  return row.id === null || row.revoked_at !== null;
}

/** The lookups of a verification against this app's own keys and status list. */
function deps(handle: Db): VerifyDeps {
  return {
    key: (kid) => publicKey(handle, "credentials", kid),
    async statusBit(listUrl, position) {
      // The list is this app's whatever origin it was issued at (a laptop in a hall has no fixed
      // address): the signature by one of its keys already says the credential is its own.
      let listId: string | undefined;
      try {
        listId = /^\/api\/credentials\/status\/([A-Za-z0-9-]{1,40})$/.exec(new URL(listUrl).pathname)?.[1];
      } catch {
        return null;
      }
      return listId ? positionRevoked(handle, listId, position) : null;
    },
  };
}

/** Verifies a pasted or uploaded credential (a VC-JWT, or this app's JSON download). */
export async function verifyText(handle: Db, text: string): Promise<VerifyResult> {
  const submission = readSubmission(text);
  if (!submission) return { state: "unreadable" };
  return verifyCredential(submission, deps(handle));
}

export type VerifyByIdResult = VerifyResult | { state: "withdrawn" };

/**
 * Verifies a credential this app issued, by its id. A credential whose row is gone (the account
 * was deleted) is "withdrawn": its id was this app's, and nothing else about it is kept.
 */
export async function verifyById(handle: Db, id: string): Promise<VerifyByIdResult | undefined> {
  const row = await handle.db.selectFrom("credentials").select("jwt").where("id", "=", id).executeTakeFirst();
  if (!row) {
    const kept = await handle.db.selectFrom("credential_status").select("position").where("credential_id", "=", id).executeTakeFirst();
    return kept ? { state: "withdrawn" } : undefined;
  }
  if (!row.jwt) return undefined;
  return verifyCredential({ jwt: row.jwt }, deps(handle));
}

/** An issued credential to download: the credential and its VC-JWT. Not found once revoked or unissued. */
export async function credentialFile(handle: Db, id: string): Promise<{ credential: unknown; jwt: string }> {
  const row = await handle.db.selectFrom("credentials").select(["jwt", "revoked_at"]).where("id", "=", id).executeTakeFirst();
  if (!row?.jwt || row.revoked_at) throw new AppError("not_found", "notFound.credential");
  return { credential: decodePayload(row.jwt), jwt: row.jwt };
}
