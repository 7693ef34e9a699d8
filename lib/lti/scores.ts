// Assignment and Grade Services (AGS 2.0): a finished quiz or check whose activity a learner
// reached through an LMS link with a line item is queued here, in the database, and sent to the
// LMS by a worker (lib/lti/score-worker.ts) with retries and back-off. Queueing is one insert after
// the answer is stored, so the LMS never slows or fails an answer; the queue survives restarts;
// one row per attempt and line item, so a resent finish is never a second score.
import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { SCOPE } from "./claims";
import { fetchJson, PlatformFetchError } from "./fetch";
import type { ToolKeyStore } from "./keys";
import { platformById } from "./platforms";
import { serviceToken } from "./service-token";

export const MAX_TRIES = 10;
/** A claimed row is not picked up by another worker for this long. */
export const LEASE_MS = 60_000;

/** Wait before try n+1: 30 s doubling, at most 6 hours, with up to 10 % jitter. */
export function backoffMs(tries: number, random = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, tries - 1), 6 * 3600_000);
  return Math.round(base * (1 + random() * 0.1));
}

/** Queues the finished attempt's score for every line item its activity is linked to. Returns how many rows are new. */
export async function queueAttemptScores(handle: Db, userId: string, attemptId: string, now = new Date()): Promise<number> {
  const attempt = await handle.db
    .selectFrom("quiz_attempts")
    .select(["course_id", "lesson_id", "score", "finished_at"])
    .where("id", "=", attemptId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!attempt || attempt.finished_at === null || attempt.score === null) return 0;
  const links = await handle.db
    .selectFrom("lti_grade_links")
    .select(["line_item_url", "platform_id", "sub"])
    .where("user_id", "=", userId)
    .where("course_id", "=", attempt.course_id)
    .where("activity_id", "=", attempt.lesson_id)
    .execute();
  let added = 0;
  for (const link of links) {
    const r = await handle.db
      .insertInto("lti_score_queue")
      .values({
        id: crypto.randomUUID(),
        user_id: userId,
        platform_id: link.platform_id,
        line_item_url: link.line_item_url,
        sub: link.sub,
        attempt_id: attemptId,
        score_given: Math.round(Number(attempt.score) * 10000) / 100,
        score_maximum: 100,
        activity_progress: "Completed",
        grading_progress: "FullyGraded",
        scored_at: attempt.finished_at,
        next_try_at: now.toISOString(),
        sent_at: null,
        failed_at: null,
        last_error: null,
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(["attempt_id", "line_item_url"]).doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** The scores endpoint of a line item: its URL with "/scores" after the path (AGS 2.0 section 3.4). */
export function scoresUrl(lineItem: string): string {
  const u = new URL(lineItem);
  u.pathname = `${u.pathname.replace(/\/$/, "")}/scores`;
  return u.href;
}

export interface SendDeps {
  keys: ToolKeyStore;
  fetcher?: typeof fetch;
  now?: () => Date;
}

/** Sends what is due; returns how many were sent and how many failed this round. */
export async function sendDueScores(handle: Db, deps: SendDeps, limit = 20): Promise<{ sent: number; failed: number }> {
  const clock = deps.now ?? (() => new Date());
  const due = await handle.db
    .selectFrom("lti_score_queue")
    .selectAll()
    .where("sent_at", "is", null)
    .where("failed_at", "is", null)
    .where("next_try_at", "<=", clock().toISOString())
    .orderBy("next_try_at")
    .limit(limit)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    // Claim it: only the worker whose update lands sends it (several instances share the queue).
    const lease = new Date(clock().getTime() + LEASE_MS).toISOString();
    const claimed = await handle.db
      .updateTable("lti_score_queue")
      .set({ next_try_at: lease })
      .where("id", "=", row.id)
      .where("next_try_at", "=", row.next_try_at)
      .where("sent_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      const platform = await platformById(handle, row.platform_id);
      if (!platform) throw new PlatformFetchError("status", 404);
      const token = await serviceToken(platform, [SCOPE.score], deps.keys, deps.fetcher, clock());
      await fetchJson(
        scoresUrl(row.line_item_url),
        {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/vnd.ims.lis.v1.score+json" },
          body: JSON.stringify({
            userId: row.sub,
            scoreGiven: Number(row.score_given),
            scoreMaximum: Number(row.score_maximum),
            activityProgress: row.activity_progress,
            gradingProgress: row.grading_progress,
            timestamp: row.scored_at,
          }),
        },
        deps.fetcher,
      );
      await handle.db.updateTable("lti_score_queue").set({ sent_at: clock().toISOString(), last_error: null }).where("id", "=", row.id).execute();
      log("lti.score_sent", { platformId: row.platform_id });
      sent++;
    } catch (e) {
      const reason = e instanceof PlatformFetchError ? `${e.reason}${e.status ? ` ${e.status}` : ""}` : "error";
      const tries = Number(row.tries) + 1;
      const giveUp = tries >= MAX_TRIES;
      await handle.db
        .updateTable("lti_score_queue")
        .set({ tries, last_error: reason, next_try_at: new Date(clock().getTime() + backoffMs(tries)).toISOString(), failed_at: giveUp ? clock().toISOString() : null })
        .where("id", "=", row.id)
        .execute();
      log(giveUp ? "lti.score_failed" : "lti.score_retry", { platformId: row.platform_id, reason, tries });
      failed++;
    }
  }
  return { sent, failed };
}
