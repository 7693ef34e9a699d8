// The admin page's reads and actions on the LRS (app/[locale]/(admin)/admin/learning-records):
// admins only, decided here (settings.ts requireAdmin), whatever the page or route does.
import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/accounts";
import { log } from "@/lib/log";
import { postStatements } from "./deliver";
import { outboxSummary, requeueDead, type OutboxSummary } from "./outbox";
import { lrsConnection, lrsSettings, requireAdmin, type LrsSettingsView } from "./settings";
import { appAgent, VERBS, type Statement } from "./statements";

export interface LrsOverview {
  settings: LrsSettingsView | null;
  queue: OutboxSummary;
}

/** The settings (without credentials) and the outbox's counts, for the admin page. */
export async function lrsOverview(actor: SessionUser): Promise<LrsOverview> {
  requireAdmin(actor);
  const db = await getDb();
  const [settings, queue] = await Promise.all([lrsSettings(db, actor), outboxSummary(db.db)]);
  return { settings, queue };
}

export interface TestResult {
  ok: boolean;
  /** The LRS's HTTP status, or null when it could not be reached (error says why). */
  status: number | null;
  error: string | null;
}

/**
 * Sends one statement about the app itself (no learner) to the configured LRS, enabled or not, so
 * an admin can check the address and credentials before switching forwarding on.
 */
export async function sendTestStatement(handle: Db, actor: SessionUser): Promise<TestResult> {
  requireAdmin(actor);
  const conn = await lrsConnection(handle.db);
  // Nothing saved yet: nothing to test (the page offers the test only once settings are saved).
  if (!conn) return { ok: false, status: null, error: null };
  const statement: Statement = {
    id: crypto.randomUUID(),
    actor: appAgent(conn.target),
    verb: { id: VERBS.initialized, display: { "en-US": "initialized" } },
    object: { objectType: "Activity", id: `${new URL(conn.target.base).origin}/activities/connection-test` },
    timestamp: new Date().toISOString(),
  };
  const outcome = await postStatements(conn, [JSON.stringify(statement)], { timeoutMs: 10_000 });
  log("xapi.delivery", { by: actor.id, test: true, status: outcome.status ?? null });
  return { ok: outcome.kind === "ok", status: outcome.status ?? null, error: outcome.kind === "ok" ? null : outcome.error };
}

/** Gives the dead letters (out of tries; not the ones the LRS refused) another round of tries. */
export async function retryDeadLetters(handle: Db, actor: SessionUser): Promise<{ requeued: number }> {
  requireAdmin(actor);
  return { requeued: await requeueDead(handle.db) };
}
