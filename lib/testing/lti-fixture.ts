// Rows in every LTI table that holds something about a person, for the privacy registry's test:
// one platform (shared), and for `userId` an LMS link, a course place, a grade link, a queued
// score and a deep-linking request.
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";

export async function seedLtiRows(handle: Db, userId: string, tag: string): Promise<void> {
  const at = new Date().toISOString();
  const platformId = "privacy-test-platform";
  await handle.db
    .insertInto("lti_platforms")
    .values({ id: platformId, name: "LMS", issuer: "https://lms.example", client_id: "tool", auth_endpoint: "https://lms.example/auth", jwks_url: "https://lms.example/jwks", token_url: "https://lms.example/token", audience: null, deployment_ids: '["d"]', created_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await handle.db.insertInto("lti_users").values({ platform_id: platformId, sub: `sub-${tag}`, user_id: userId, created_at: at }).execute();
  await handle.db.insertInto("lti_contexts").values({ platform_id: platformId, context_id: "ctx", cohort_id: null, memberships_url: null, synced_at: null, created_at: at }).onConflict((oc) => oc.doNothing()).execute();
  await handle.db.insertInto("lti_context_members").values({ platform_id: platformId, context_id: "ctx", user_id: userId, role: "learner" }).execute();
  const lineItem = `https://lms.example/lineitems/${tag}`;
  await handle.db.insertInto("lti_grade_links").values({ user_id: userId, line_item_url: lineItem, platform_id: platformId, sub: `sub-${tag}`, course_id: "c", activity_id: "a", created_at: at }).execute();
  await handle.db
    .insertInto("lti_score_queue")
    .values({
      id: crypto.randomUUID(),
      user_id: userId,
      platform_id: platformId,
      line_item_url: lineItem,
      sub: `sub-${tag}`,
      attempt_id: crypto.randomUUID(),
      score_given: 50,
      score_maximum: 100,
      activity_progress: "Completed",
      grading_progress: "FullyGraded",
      scored_at: at,
      next_try_at: at,
      sent_at: null,
      failed_at: null,
      last_error: null,
      created_at: at,
    })
    .execute();
  await handle.db
    .insertInto("lti_deep_links")
    .values({ id: crypto.randomUUID(), platform_id: platformId, deployment_id: "d", user_id: userId, return_url: "https://lms.example/return", data: null, accept_multiple: 1, expires_at: at, used_at: null })
    .execute();
}
