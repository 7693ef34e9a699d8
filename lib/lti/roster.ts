// Names and Role Provisioning Services (NRPS 2.0): the LMS course's member list makes or updates
// its group: teachers as facilitators, learners as members. Only the members' opaque LMS ids and
// roles are read: names and emails in the reply are ignored (the accounts keep neither).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import { log } from "@/lib/log";
import { joinContext, ltiAccount } from "./accounts";
import { mapRoles, SCOPE } from "./claims";
import { fetchJson, PlatformFetchError } from "./fetch";
import type { ToolKeyStore } from "./keys";
import { platformById } from "./platforms";
import { serviceToken } from "./service-token";

export const ROSTER_MAX = 2000;

const membership = z.object({
  members: z
    .array(z.object({ user_id: z.string().min(1).max(255), roles: z.array(z.string().max(500)).max(100), status: z.string().max(20).optional() }))
    .max(ROSTER_MAX),
});

export interface RosterDeps {
  keys: ToolKeyStore;
  fetcher?: typeof fetch;
}

/** Fetches the course's members and puts them in its group. Returns how many active members were placed. */
export async function syncRoster(handle: Db, ref: { platformId: string; contextId: string }, locale: string, course: string, deps: RosterDeps): Promise<number> {
  const [platform, context] = await Promise.all([
    platformById(handle, ref.platformId),
    handle.db.selectFrom("lti_contexts").select(["memberships_url", "cohort_id"]).where("platform_id", "=", ref.platformId).where("context_id", "=", ref.contextId).executeTakeFirst(),
  ]);
  if (!platform || !context?.memberships_url) return 0;
  const token = await serviceToken(platform, [SCOPE.memberships], deps.keys, deps.fetcher);
  const reply = await fetchJson(context.memberships_url, { headers: { authorization: `Bearer ${token}`, accept: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json" } }, deps.fetcher);
  const parsed = membership.safeParse(reply);
  if (!parsed.success) throw new PlatformFetchError("not_json");
  const active = parsed.data.members.filter((m) => (m.status ?? "Active") === "Active");
  // Teachers first, so the group exists (owned by a teacher) before the learners are placed.
  const ordered = [...active].sort((a, b) => Number(mapRoles(b.roles) === "instructor") - Number(mapRoles(a.roles) === "instructor"));
  await writeTx(handle, async (trx) => {
    for (const m of ordered) {
      const role = mapRoles(m.roles);
      const account = await ltiAccount(trx, platform.id, m.user_id, role);
      await joinContext(trx, { platformId: platform.id, contextId: ref.contextId, locale, course }, account.id, role);
    }
    await trx.updateTable("lti_contexts").set({ synced_at: new Date().toISOString() }).where("platform_id", "=", ref.platformId).where("context_id", "=", ref.contextId).execute();
  });
  log("lti.roster_synced", { platformId: platform.id, members: ordered.length });
  return ordered.length;
}
