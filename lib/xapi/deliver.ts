// Sends due statements from the outbox to the LRS: POST <endpoint>/statements with a JSON array,
// Basic auth and the X-Experience-API-Version header. What each answer means:
//   200 / 204           delivered (an LRS answers so for an identical resend too: one statement)
//   409                 another, different statement has this id: refused for good (rejected)
//   400                 not a valid statement: refused for good (rejected)
//   anything else, a network error or a timeout: tried again later, with exponential back-off
//   and jitter, up to MAX_ATTEMPTS tries, then a dead letter (the admin page shows it, and can
//   retry it once the LRS is fixed)
// A batch is all or nothing at the LRS, so a 409 or 400 (or 413) for a batch is sorted out by
// sending its statements one by one: only the offending one is rejected.
import "server-only";
import type { Db } from "@/lib/db/client";
import { claimDue, LEASE_MS, markFailed, markRejected, markSent, type Claimed } from "./outbox";
import { lrsConnection, type LrsConnection } from "./settings";

/** About a day of tries (16 to 33 hours with the jitter) before a statement is a dead letter. */
export const MAX_ATTEMPTS = 15;
export const BATCH_SIZE = 50;
/** The first retry waits about this long; each further one twice as long, up to MAX_DELAY_MS. */
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 6 * 60 * 60_000;
/** One request to the LRS; well under LEASE_MS, so a claim outlives the send. */
export const TIMEOUT_MS = 15_000;

export interface DeliveryOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  random?: () => number;
  batchSize?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  leaseMs?: number;
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  rejected: number;
}

/**
 * The wait before try number `attempts + 1`: base x 2^(attempts-1), at most the cap, with "equal
 * jitter" (half fixed, half random) so that many instances that failed together do not retry
 * together, and no wait is ever shorter than half the nominal one.
 */
export function backoffMs(attempts: number, random: () => number, base = BASE_DELAY_MS, cap = MAX_DELAY_MS): number {
  const nominal = Math.min(cap, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(nominal / 2 + (random() * nominal) / 2);
}

type Outcome = { kind: "ok" } | { kind: "reject"; error: string } | { kind: "split"; error: string } | { kind: "retry"; error: string };

/** One POST of statements (already JSON) to the LRS, and what its answer means. */
export async function postStatements(conn: LrsConnection, bodies: readonly string[], opts: Pick<DeliveryOptions, "fetch" | "timeoutMs"> = {}): Promise<Outcome & { status?: number }> {
  const doFetch = opts.fetch ?? fetch;
  const headers: Record<string, string> = { "Content-Type": "application/json", "X-Experience-API-Version": conn.version };
  if (conn.auth) headers.Authorization = `Basic ${Buffer.from(`${conn.auth.key}:${conn.auth.secret}`, "utf8").toString("base64")}`;
  let res: Response;
  try {
    res = await doFetch(new URL("statements", conn.endpoint), {
      method: "POST",
      headers,
      body: `[${bodies.join(",")}]`,
      signal: AbortSignal.timeout(opts.timeoutMs ?? TIMEOUT_MS),
      redirect: "error",
    });
  } catch (e) {
    const name = e instanceof Error ? e.name : "";
    return { kind: "retry", error: name === "TimeoutError" || name === "AbortError" ? "timeout" : `network: ${causeOf(e)}` };
  }
  await res.body?.cancel().catch(() => undefined);
  const status = res.status;
  if (status === 200 || status === 204) return { kind: "ok", status };
  const several = bodies.length > 1;
  if (status === 409) return { kind: several ? "split" : "reject", status, error: "HTTP 409: the LRS holds a different statement with this id" };
  if (status === 400) return { kind: several ? "split" : "reject", status, error: "HTTP 400: the LRS refused the statement as not valid" };
  if (status === 413 && several) return { kind: "split", status, error: "HTTP 413" };
  return { kind: "retry", status, error: `HTTP ${status}` };
}

function causeOf(e: unknown): string {
  const cause = e instanceof Error ? (e.cause as { code?: string } | undefined) : undefined;
  return (cause?.code ?? (e instanceof Error ? e.message : String(e))).slice(0, 200);
}

/**
 * One round: claims up to a batch of due statements and sends them. Does nothing when no LRS is
 * set up or it is switched off. Never throws for an LRS's failure: that is recorded on the rows.
 */
export async function deliverDue(handle: Db, opts: DeliveryOptions = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { claimed: 0, sent: 0, retried: 0, dead: 0, rejected: 0 };
  const conn = await lrsConnection(handle.db);
  if (!conn?.enabled) return report;
  const now = opts.now ?? (() => new Date());
  const started = now();
  const claimed = await claimDue(handle, opts.batchSize ?? BATCH_SIZE, started, new Date(started.getTime() + (opts.leaseMs ?? LEASE_MS)));
  report.claimed = claimed.length;
  if (claimed.length === 0) return report;

  const first = await postStatements(conn, claimed.map((c) => c.statement), opts);
  if (first.kind === "ok") {
    await markSent(handle.db, claimed.map((c) => c.id), now());
    report.sent = claimed.length;
    return report;
  }
  if (first.kind !== "split") {
    for (const c of claimed) await settle(handle, c, first, opts, now, report);
    return report;
  }
  // One bad statement spoils its batch: find it by sending them one by one.
  for (const c of claimed) {
    const one = await postStatements(conn, [c.statement], opts);
    if (one.kind === "ok") {
      await markSent(handle.db, [c.id], now());
      report.sent++;
    } else {
      await settle(handle, c, one, opts, now, report);
    }
  }
  return report;
}

async function settle(handle: Db, c: Claimed, outcome: Exclude<Outcome, { kind: "ok" }>, opts: DeliveryOptions, now: () => Date, report: DeliveryReport): Promise<void> {
  if (outcome.kind === "reject" || outcome.kind === "split") {
    await markRejected(handle.db, c.id, outcome.error);
    report.rejected++;
    return;
  }
  if (c.attempts >= (opts.maxAttempts ?? MAX_ATTEMPTS)) {
    await markFailed(handle.db, c.id, `${outcome.error} (gave up after ${c.attempts} tries)`, null);
    report.dead++;
    return;
  }
  const wait = backoffMs(c.attempts, opts.random ?? Math.random, opts.baseDelayMs, opts.maxDelayMs);
  await markFailed(handle.db, c.id, outcome.error, new Date(now().getTime() + wait));
  report.retried++;
}
