// Issuing: the one function where a credential is signed (issueCredential), so whatever must
// happen when one is issued is added in one place: with an LRS set up (lib/xapi), the "earned" or
// "attended" statement is queued in the same transaction that stores the credential. The learner issues
// their own certificate: the course's when they have finished it, or an attendance award a
// facilitator gave them, choosing the printed name (or none) as they do.
import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { getCourse } from "@/lib/content";
import { AppError } from "@/lib/errors";
import { serverTranslator } from "@/lib/http/error-text";
import { log } from "@/lib/log";
import { activeSigner } from "@/lib/signing-keys/keys";
import { enqueue } from "@/lib/xapi/outbox";
import { xapiTarget } from "@/lib/xapi/settings";
import { statementForCredential } from "@/lib/xapi/statements";
import { buildCredential, signCredential, type OpenBadgeCredential } from "./credential";
import { completionKey, courseEligibility } from "./eligibility";
import { LIST_BITS } from "./status-list";

/** The one status list so far; a list holds 131,072 positions (lib/certificates/status-list.ts). */
export const STATUS_LIST_ID = "1";
export const statusListUrl = (origin: string, listId = STATUS_LIST_ID) => `${origin}/api/credentials/status/${listId}`;
/** The public page that verifies a credential. */
export const verifyUrl = (origin: string, locale: string, id: string) => `${origin}/${locale}/verify/${id}`;

export interface IssueOptions {
  /** The app's origin, the issuer's id (lib/http/same-origin.ts appOrigin). */
  origin: string;
  /** The app's secret, for the signing key (tests); env().authSecret otherwise. */
  secret?: string;
}

const now = () => new Date().toISOString();

/** A random free position of the status list, taken for the credential (or the one it already has). */
async function takePosition(handle: Db, credentialId: string): Promise<number> {
  for (let attempt = 0; attempt < 32; attempt++) {
    const position = crypto.randomInt(0, LIST_BITS);
    const taken = await writeTx(handle, async (trx) => {
      const had = await trx.selectFrom("credential_status").select("position").where("credential_id", "=", credentialId).executeTakeFirst();
      if (had) return Number(had.position);
      const r = await trx.insertInto("credential_status").values({ list_id: STATUS_LIST_ID, position, credential_id: credentialId }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0 ? position : null;
    });
    if (taken !== null) return taken;
  }
  throw new Error("the status list has no free position left after 32 draws");
}

/** The words of an achievement in the credential's language. */
function achievementWords(row: { kind: string; course_id: string; locale: string; group_name: string | null; session_date: string | null }, origin: string, completion?: { lessons: number; withCheck: boolean }) {
  const t = serverTranslator(row.locale, "certificates");
  const course = getCourse(row.locale, row.course_id)?.title ?? row.course_id;
  if (row.kind === "completed") {
    return {
      id: `${origin}/${row.locale}/courses/${row.course_id}`,
      name: t("achievement.completedName", { course }),
      description: t("achievement.completedDescription", { course }),
      criteria: t("achievement.completedCriteria", { course, lessons: completion?.lessons ?? 0, check: completion?.withCheck ? "yes" : "no" }),
    };
  }
  const date = new Intl.DateTimeFormat(row.locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${row.session_date}T12:00:00Z`));
  return {
    id: `${origin}/${row.locale}/courses/${row.course_id}#attended`,
    name: t("achievement.attendedName", { course }),
    description: t("achievement.attendedDescription", { course }),
    criteria: t("achievement.attendedCriteria", { group: row.group_name ?? "", date }),
  };
}

/**
 * Signs and stores the learner's credential `credentialId` with the printed name (null: no name).
 * Idempotent: a credential already issued is returned as it is (its name no longer changes).
 */
export async function issueCredential(
  handle: Db,
  actor: SessionUser,
  input: { credentialId: string; printedName: string | null; completion?: { lessons: number; withCheck: boolean } },
  opts: IssueOptions,
): Promise<{ id: string; credential: OpenBadgeCredential; jwt: string }> {
  const row = await handle.db.selectFrom("credentials").selectAll().where("id", "=", input.credentialId).where("user_id", "=", actor.id).executeTakeFirst();
  if (!row || row.revoked_at) throw new AppError("not_found", "notFound.credential");
  if (row.jwt) return { id: row.id, credential: decodePayload(row.jwt), jwt: row.jwt };
  const signer = await activeSigner(handle, "credentials", opts.secret);
  const position = await takePosition(handle, row.id);
  const issuedAt = now();
  const credential = buildCredential({
    id: row.id,
    subjectId: crypto.randomUUID(),
    origin: opts.origin,
    issuerName: serverTranslator(row.locale, "site")("name"),
    kind: row.kind,
    locale: row.locale,
    issuedAt,
    achievement: achievementWords(row, opts.origin, input.completion),
    printedName: input.printedName,
    status: { listUrl: statusListUrl(opts.origin), position },
  });
  const jwt = await signCredential(credential, signer);
  const target = await xapiTarget(handle);
  const stored = await writeTx(handle, async (trx) => {
    const updated = await trx
      .updateTable("credentials")
      .set({ jwt, issued_at: issuedAt, printed_name: input.printedName })
      .where("id", "=", row.id)
      .where("jwt", "is", null)
      .executeTakeFirst();
    // Only the request that stored it queues the statement (its id comes from the credential's, so a
    // second one would be the same statement anyway).
    if (target && Number(updated.numUpdatedRows) > 0) {
      const statement = statementForCredential(target, {
        credentialId: row.id,
        userId: actor.id,
        locale: row.locale,
        courseId: row.course_id,
        achievement: row.kind,
        issuedAt,
        verifyUrl: verifyUrl(opts.origin, row.locale, row.id),
      });
      await enqueue(trx, [{ statement, userId: actor.id }]);
    }
    return trx.selectFrom("credentials").select(["jwt"]).where("id", "=", row.id).executeTakeFirstOrThrow();
  });
  // Two requests at once: the first stored wins, and both answer with it.
  if (stored.jwt !== jwt) return { id: row.id, credential: decodePayload(stored.jwt!), jwt: stored.jwt! };
  log("credentials.issued", { kind: row.kind, kid: signer.kid });
  return { id: row.id, credential, jwt };
}

/** The credential a stored JWT carries (its payload without the JWT's own claims). */
export function decodePayload(jwt: string): OpenBadgeCredential {
  const payload = JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8")) as Record<string, unknown>;
  for (const claim of ["iss", "jti", "sub", "nbf", "exp", "iat"]) delete payload[claim];
  return payload as unknown as OpenBadgeCredential;
}

/** The learner's certificate for a course they finished: made once, then issued with the name they chose. */
export async function issueCourseCertificate(handle: Db, actor: SessionUser, input: { locale: string; courseId: string; printedName: string | null }, opts: IssueOptions) {
  const standing = await courseEligibility(handle, actor, input.locale, input.courseId);
  if (!standing) throw new AppError("not_found", "content.unknownCourse");
  if (!standing.eligible) throw new AppError("forbidden", "certificates.notFinished");
  const id = crypto.randomUUID();
  const key = completionKey(input.courseId);
  await writeTx(handle, (trx) =>
    trx
      .insertInto("credentials")
      .values({ id, user_id: actor.id, kind: "completed", course_id: input.courseId, award_key: key, cohort_id: null, group_name: null, session_date: null, locale: input.locale, printed_name: null, created_at: now(), issued_at: null, jwt: null, revoked_at: null })
      .onConflict((oc) => oc.doNothing())
      .execute(),
  );
  const row = await handle.db.selectFrom("credentials").select("id").where("user_id", "=", actor.id).where("award_key", "=", key).executeTakeFirstOrThrow();
  return issueCredential(handle, actor, { credentialId: row.id, printedName: input.printedName, completion: { lessons: standing.lessonsTotal, withCheck: standing.postRequired } }, opts);
}

/** Withdraws one of the learner's own credentials: its status bit is set, so it verifies as revoked. */
export async function revokeMyCredential(handle: Db, actor: SessionUser, credentialId: string): Promise<void> {
  const r = await writeTx(handle, (trx) =>
    trx.updateTable("credentials").set({ revoked_at: now() }).where("id", "=", credentialId).where("user_id", "=", actor.id).where("revoked_at", "is", null).executeTakeFirst(),
  );
  if (Number(r.numUpdatedRows) === 0) throw new AppError("not_found", "notFound.credential");
}
