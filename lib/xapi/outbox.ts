// The outbox of statements (xapi_outbox): written in the transaction of the answer or completion
// a statement describes, claimed and sent by the worker (deliver.ts), kept once sent so that the
// learner's export shows what the LRS was given and their erasure can void it.
//
// Claiming is safe with several workers: on PostgreSQL one UPDATE ... WHERE id IN (SELECT ... FOR
// UPDATE SKIP LOCKED) hands each row to one worker; on SQLite the claim is one IMMEDIATE write
// transaction (writeTx), so two processes on one file take turns. A claim is a lease: a worker
// that dies mid-send leaves its rows "sending" until LEASE_MS has passed, then any worker takes
// them again (a statement may then reach the LRS twice, with the same id: the LRS keeps one).
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import type { Statement } from "./statements";
import { voidingStatement } from "./statements";

export interface Enqueued {
  statement: Statement;
  /** The learner it is about (null: a voiding statement, about nobody any more). */
  userId: string | null;
}

/** Adds statements to the outbox, in the caller's transaction; one already there is left alone. */
export async function enqueue(db: Kysely<Database>, items: readonly Enqueued[], at = new Date(), due = at): Promise<void> {
  if (items.length === 0) return;
  const iso = at.toISOString();
  await db
    .insertInto("xapi_outbox")
    .values(
      items.map((i) => ({
        id: i.statement.id,
        user_id: i.userId,
        statement: JSON.stringify(i.statement),
        status: "pending" as const,
        attempts: 0,
        next_attempt_at: due.toISOString(),
        last_error: null,
        created_at: iso,
        sent_at: null,
      })),
    )
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

export interface Claimed {
  id: string;
  statement: string;
  /** Tries so far, this one included. */
  attempts: number;
}

/**
 * Takes up to `limit` statements that are due (pending and due, or "sending" with a lapsed lease),
 * marks them "sending" until `leaseUntil`, and counts the try. Oldest first.
 */
export async function claimDue(handle: Db, limit: number, now: Date, leaseUntil: Date): Promise<Claimed[]> {
  const at = now.toISOString();
  const lease = leaseUntil.toISOString();
  if (handle.kind === "postgres") {
    const { rows } = await sql<Claimed>`
      update xapi_outbox set status = 'sending', attempts = attempts + 1, next_attempt_at = ${lease}
      where id in (
        select id from xapi_outbox
        where status in ('pending', 'sending') and next_attempt_at <= ${at}
        order by next_attempt_at, id
        limit ${limit}
        for update skip locked
      )
      returning id, statement, attempts
    `.execute(handle.db);
    return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
  }
  return writeTx(handle, async (trx) => {
    const due = await trx
      .selectFrom("xapi_outbox")
      .select("id")
      .where("status", "in", ["pending", "sending"])
      .where("next_attempt_at", "<=", at)
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    if (due.length === 0) return [];
    const ids = due.map((d) => d.id);
    await trx
      .updateTable("xapi_outbox")
      .set((eb) => ({ status: "sending", attempts: eb("attempts", "+", 1), next_attempt_at: lease }))
      .where("id", "in", ids)
      .execute();
    const rows = await trx.selectFrom("xapi_outbox").select(["id", "statement", "attempts"]).where("id", "in", ids).orderBy("next_attempt_at").orderBy("id").execute();
    return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
  });
}

/** Given to the LRS. Only rows still "sending": a row erased meanwhile stays gone. */
export async function markSent(db: Kysely<Database>, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("xapi_outbox").set({ status: "sent", sent_at: now.toISOString(), last_error: null }).where("id", "in", ids).where("status", "=", "sending").execute();
}

/** Refused for good by the LRS (a conflicting statement with the same id, or not valid). */
export async function markRejected(db: Kysely<Database>, id: string, error: string): Promise<void> {
  await db.updateTable("xapi_outbox").set({ status: "rejected", last_error: error }).where("id", "=", id).where("status", "=", "sending").execute();
}

/** Not delivered this time: tried again at `next`, or dead when out of tries. */
export async function markFailed(db: Kysely<Database>, id: string, error: string, next: Date | null): Promise<void> {
  await db
    .updateTable("xapi_outbox")
    .set(next ? { status: "pending", next_attempt_at: next.toISOString(), last_error: error } : { status: "dead", last_error: error })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .execute();
}

/** Gives the dead letters (out of tries, not refused) another round of tries, from now. */
export async function requeueDead(db: Kysely<Database>, now = new Date()): Promise<number> {
  const r = await db.updateTable("xapi_outbox").set({ status: "pending", attempts: 0, next_attempt_at: now.toISOString() }).where("status", "=", "dead").executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0);
}

export interface OutboxSummary {
  pending: number;
  sent: number;
  /** Out of tries (dead) and refused for good (rejected): the dead letters. */
  dead: number;
  rejected: number;
  /** The most recent error of a statement not (yet) delivered. */
  lastError: string | null;
}

/** Counts by state, and the latest error, for the admin page (one grouped query, one lookup). */
export async function outboxSummary(db: Kysely<Database>): Promise<OutboxSummary> {
  const rows = await db
    .selectFrom("xapi_outbox")
    .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  const count = (...s: string[]) => rows.filter((r) => s.includes(r.status)).reduce((a, r) => a + Number(r.n), 0);
  const failing = await db
    .selectFrom("xapi_outbox")
    .select("last_error")
    .where("status", "!=", "sent")
    .where("last_error", "is not", null)
    .orderBy("next_attempt_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return { pending: count("pending", "sending"), sent: count("sent"), dead: count("dead"), rejected: count("rejected"), lastError: failing?.last_error ?? null };
}

/**
 * A learner's account is erased: their queued statements go, and every statement that may have
 * reached the LRS (tried at least once) is withdrawn by a voiding statement, sent by the app and
 * naming nothing but the statement's id. Statements are immutable in xAPI; voiding is all the
 * specification allows (docs/xapi.md). Voids wait one lease, so a statement in flight at this
 * moment lands before the void that withdraws it. Run inside the erasure's transaction.
 */
export async function forgetStatementsOf(db: Kysely<Database>, userId: string, now = new Date(), leaseMs = LEASE_MS): Promise<void> {
  const settings = await db.selectFrom("xapi_settings").select(["activity_base", "actor_salt"]).executeTakeFirst();
  if (settings) {
    // Tried at least once, so perhaps stored; not one the LRS refused (a 409 means the statement it
    // holds under that id is not this one, and a 400 that it stored nothing): never void those.
    const reached = await db.selectFrom("xapi_outbox").select("id").where("user_id", "=", userId).where("attempts", ">", 0).where("status", "!=", "rejected").execute();
    const target = { base: settings.activity_base, salt: settings.actor_salt };
    const at = now.toISOString();
    await enqueue(
      db,
      reached.map((r) => ({ statement: voidingStatement(target, r.id, at), userId: null })),
      now,
      new Date(now.getTime() + leaseMs),
    );
  }
  await db.deleteFrom("xapi_outbox").where("user_id", "=", userId).execute();
}

/** How long a claim holds: longer than a send may take (deliver.ts TIMEOUT_MS). */
export const LEASE_MS = 60_000;
