// The installation's LRS (one: the app has no organisations, so the admin configures one LRS for
// every learner). Authorisation is here: only an admin reads or changes it. The credentials are
// sealed (crypto.ts) and never leave the server again; the page learns only that they are set.
//
// Every answer asks whether statements are wanted (xapiTarget). That must cost nothing when no LRS
// is set up (bench/suites/answers.ts): the answer is cached in memory per process and database,
// read once, then refreshed in the background at most every SETTINGS_TTL_MS. A change made in this
// process applies at once; another instance (PostgreSQL) notices it within SETTINGS_TTL_MS plus one
// request, so for those seconds its answers may still be enqueued, or not yet (docs/xapi.md).
import "server-only";
import type { Kysely } from "kysely";
import type { Db } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import type { SessionUser } from "@/lib/auth/accounts";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { newSalt, seal, unseal } from "./crypto";
import type { LrsSettingsInput } from "./inputs";
import type { XapiTarget } from "./statements";

const ROW = "lrs";
export const SETTINGS_TTL_MS = 10_000;

/** The settings as the admin page shows them: never the credentials, only whether they are set. */
export interface LrsSettingsView {
  endpoint: string;
  version: string;
  enabled: boolean;
  activityBase: string;
  credentials: "none" | "set" | "unreadable";
  updatedAt: string;
}

/** What the worker needs to send: the endpoint and the unsealed credentials. */
export interface LrsConnection {
  endpoint: string;
  version: string;
  auth?: { key: string; secret: string };
}

export function requireAdmin(actor: SessionUser): void {
  if (actor.role !== "admin") {
    log("auth.denied", { userId: actor.id, reason: "not an admin" });
    throw new AppError("forbidden", "cohorts.adminOnly");
  }
}

const readRow = (db: Kysely<Database>) => db.selectFrom("xapi_settings").selectAll().where("id", "=", ROW).executeTakeFirst();

function unsealCredentials(sealed: string | null): LrsConnection["auth"] | "unreadable" | undefined {
  if (sealed === null) return undefined;
  const plain = unseal(sealed, env().authSecret);
  if (plain === undefined) return "unreadable";
  const parsed = JSON.parse(plain) as { key: string; secret: string };
  return { key: parsed.key, secret: parsed.secret };
}

/** The settings for the admin page, or null before any are saved. */
export async function lrsSettings(handle: Db, actor: SessionUser): Promise<LrsSettingsView | null> {
  requireAdmin(actor);
  const row = await readRow(handle.db);
  if (!row) return null;
  const auth = unsealCredentials(row.credentials);
  return {
    endpoint: row.endpoint,
    version: row.version,
    enabled: Boolean(Number(row.enabled)),
    activityBase: row.activity_base,
    credentials: auth === undefined ? "none" : auth === "unreadable" ? "unreadable" : "set",
    updatedAt: row.updated_at,
  };
}

/** The endpoint, always ending in "/", so "statements" resolves under it. */
const normalise = (endpoint: string) => (endpoint.endsWith("/") ? endpoint : `${endpoint}/`);

/**
 * Saves the settings (admin only). `requestOrigin`: the address the admin reached the app by,
 * the default for the activity base when NEXTAUTH_URL is not set.
 */
export async function saveLrsSettings(handle: Db, actor: SessionUser, input: LrsSettingsInput, requestOrigin: string): Promise<LrsSettingsView> {
  requireAdmin(actor);
  const old = await readRow(handle.db);
  const base = new URL(input.activityBase ?? old?.activity_base ?? env().authUrl ?? requestOrigin).origin;
  const credentials = input.key !== undefined && input.secret !== undefined ? seal(JSON.stringify({ key: input.key, secret: input.secret }), env().authSecret) : (old?.credentials ?? null);
  const values = {
    endpoint: normalise(input.endpoint),
    credentials,
    version: input.version,
    enabled: input.enabled ? 1 : 0,
    activity_base: base,
    updated_at: new Date().toISOString(),
  };
  await handle.db
    .insertInto("xapi_settings")
    .values({ id: ROW, actor_salt: newSalt(), ...values })
    .onConflict((oc) => oc.column("id").doUpdateSet(values))
    .execute();
  forgetCachedTarget(handle);
  log("xapi.settings", { by: actor.id, enabled: input.enabled });
  return (await lrsSettings(handle, actor))!;
}

/** For the worker and the test statement: where to send and with what, or null when not set up. */
export async function lrsConnection(db: Kysely<Database>): Promise<(LrsConnection & { target: XapiTarget; enabled: boolean }) | null> {
  const row = await readRow(db);
  if (!row) return null;
  const auth = unsealCredentials(row.credentials);
  return {
    endpoint: row.endpoint,
    version: row.version,
    enabled: Boolean(Number(row.enabled)),
    target: { base: row.activity_base, salt: row.actor_salt },
    ...(auth && auth !== "unreadable" ? { auth } : {}),
  };
}

// ---- the cached "are statements wanted?" ------------------------------------------------------

interface Cached {
  value: XapiTarget | null;
  at: number;
  refreshing?: Promise<XapiTarget | null>;
}

const cache = processSingleton("xapi-settings-cache", () => ({ byHandle: new WeakMap<Db, Cached>() }));

async function load(handle: Db): Promise<XapiTarget | null> {
  const row = await readRow(handle.db);
  return row && Number(row.enabled) ? { base: row.activity_base, salt: row.actor_salt } : null;
}

function refresh(handle: Db, entry?: Cached): Promise<XapiTarget | null> {
  const promise = load(handle).then(
    (value) => {
      cache.byHandle.set(handle, { value, at: Date.now() });
      return value;
    },
    (e: unknown) => {
      if (entry) entry.refreshing = undefined;
      throw e;
    },
  );
  if (entry) entry.refreshing = promise;
  return promise;
}

/**
 * Where statements go, or null when no LRS is set up and enabled (then nothing is enqueued). Read
 * from memory: only the first call for a handle waits for the database; later ones return the
 * cached value and, past SETTINGS_TTL_MS, refresh it in the background.
 */
export function xapiTarget(handle: Db): Promise<XapiTarget | null> | XapiTarget | null {
  const hit = cache.byHandle.get(handle);
  if (!hit) return refresh(handle);
  if (Date.now() - hit.at > SETTINGS_TTL_MS && !hit.refreshing) refresh(handle, hit).catch(() => undefined);
  return hit.value;
}

/** Forgets the cached settings (after a change, and in tests). */
export function forgetCachedTarget(handle: Db): void {
  cache.byHandle.delete(handle);
}
