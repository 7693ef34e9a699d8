// Platforms (LMSs) an admin registered: what the tool needs to trust their launches and call
// their services. Admins only; the launch path reads them by issuer and client id.
import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/accounts";
import type { Selectable } from "kysely";
import type { Db } from "@/lib/db/client";
import type { LtiPlatformsTable } from "@/lib/db/schema";
import { AppError, errorKey } from "@/lib/errors";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";

/** The platforms' origins as last read (frameOrigins), forgotten when a platform is saved or removed. */
const originCache = processSingleton("lti-frame-origins", () => ({ origins: [] as string[], until: 0 }));
export const ORIGINS_TTL_MS = 30_000;

/** https, or http on the machine itself (a local LMS, the tests' platform simulator). */
export const platformUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((v) => {
    // Zod runs this even after the URL check failed: an unparsable value is refused here too.
    const u = URL.canParse(v) ? new URL(v) : undefined;
    return u !== undefined && (u.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname));
  }, errorKey("lti.badUrl"));

const text = (max: number) => z.string().trim().min(1).max(max);

export const platformInput = z.strictObject({
  name: text(100),
  issuer: platformUrl,
  clientId: text(255),
  authEndpoint: platformUrl,
  jwksUrl: platformUrl,
  tokenUrl: platformUrl,
  audience: z.string().trim().max(2000).optional().transform((v) => v || undefined),
  deploymentIds: z.array(text(255)).min(1).max(20),
});
export type PlatformInput = z.input<typeof platformInput>;

export interface Platform {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  authEndpoint: string;
  jwksUrl: string;
  tokenUrl: string;
  audience: string | null;
  deploymentIds: string[];
  createdAt: string;
}

type Row = Selectable<LtiPlatformsTable>;

const toPlatform = (r: Row): Platform => ({
  id: r.id,
  name: r.name,
  issuer: r.issuer,
  clientId: r.client_id,
  authEndpoint: r.auth_endpoint,
  jwksUrl: r.jwks_url,
  tokenUrl: r.token_url,
  audience: r.audience,
  deploymentIds: JSON.parse(r.deployment_ids) as string[],
  createdAt: r.created_at,
});

function requireAdmin(actor: SessionUser): void {
  if (actor.role !== "admin") throw new AppError("forbidden", "cohorts.adminOnly");
}

export async function listPlatforms(handle: Db, actor: SessionUser): Promise<Platform[]> {
  requireAdmin(actor);
  const rows = await handle.db.selectFrom("lti_platforms").selectAll().orderBy("name").orderBy("created_at").execute();
  return rows.map(toPlatform);
}

/** Registers a platform, or updates the one `id` names. One registration per issuer and client id. */
export async function savePlatform(handle: Db, actor: SessionUser, input: PlatformInput, id?: string): Promise<{ id: string }> {
  requireAdmin(actor);
  const values = {
    name: input.name,
    issuer: input.issuer,
    client_id: input.clientId,
    auth_endpoint: input.authEndpoint,
    jwks_url: input.jwksUrl,
    token_url: input.tokenUrl,
    audience: input.audience?.trim() || null,
    deployment_ids: JSON.stringify([...new Set(input.deploymentIds)]),
  };
  const clash = await handle.db
    .selectFrom("lti_platforms")
    .select("id")
    .where("issuer", "=", input.issuer)
    .where("client_id", "=", input.clientId)
    .$if(Boolean(id), (q) => q.where("id", "!=", id!))
    .executeTakeFirst();
  if (clash) throw new AppError("conflict", "lti.duplicatePlatform", {}, { field: "clientId" });
  if (id) {
    const r = await handle.db.updateTable("lti_platforms").set(values).where("id", "=", id).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError("not_found", "notFound.platform");
  } else {
    id = crypto.randomUUID();
    await handle.db.insertInto("lti_platforms").values({ id, ...values, created_at: new Date().toISOString() }).execute();
  }
  originCache.until = 0;
  log("lti.platform_saved", { platformId: id, by: actor.id });
  return { id };
}

export async function deletePlatform(handle: Db, actor: SessionUser, id: string): Promise<void> {
  requireAdmin(actor);
  const r = await handle.db.deleteFrom("lti_platforms").where("id", "=", id).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) throw new AppError("not_found", "notFound.platform");
  originCache.until = 0;
  log("lti.platform_deleted", { platformId: id, by: actor.id });
}

/**
 * The platform a login names: by issuer, and client id when the login gives one. An issuer
 * registered with several client ids needs the client id to tell them apart.
 */
export async function platformForLogin(handle: Db, issuer: string, clientId?: string): Promise<Platform> {
  const rows = await handle.db
    .selectFrom("lti_platforms")
    .selectAll()
    .where("issuer", "=", issuer)
    .$if(Boolean(clientId), (q) => q.where("client_id", "=", clientId!))
    .limit(2)
    .execute();
  if (rows.length !== 1) throw new AppError("bad_request", "lti.unknownPlatform");
  return toPlatform(rows[0]);
}

export async function platformById(handle: Db, id: string): Promise<Platform | undefined> {
  const row = await handle.db.selectFrom("lti_platforms").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toPlatform(row);
}

/**
 * The origins of every registered platform: the pages that may frame the LTI pages and receive
 * their deep-linking form. The issuer's origin and the login endpoint's (which is where the LMS
 * serves its pages from; they differ on hosted Canvas).
 */
export async function platformOrigins(handle: Db): Promise<string[]> {
  const rows = await handle.db.selectFrom("lti_platforms").select(["issuer", "auth_endpoint"]).execute();
  const origins = new Set<string>();
  for (const r of rows) for (const u of [r.issuer, r.auth_endpoint]) origins.add(new URL(u).origin);
  return [...origins].sort();
}

/**
 * platformOrigins, kept for ORIGINS_TTL_MS: it is read for every LTI page (proxy.ts). A change made
 * on this instance applies at once; one made on another instance within the TTL.
 */
export async function cachedPlatformOrigins(handle: Db, now = Date.now()): Promise<string[]> {
  if (originCache.until > now) return originCache.origins;
  const origins = await platformOrigins(handle);
  originCache.origins = origins;
  originCache.until = now + ORIGINS_TTL_MS;
  return origins;
}
