// The app's database handle: opened once per server process, migrated before first use.
import "server-only";
import { env } from "@/lib/env";
import { createDb, migrateToLatest, type Db } from "./client";

export { writeTx, type Db } from "./client";
export type { Database, Role } from "./schema";

let ready: Promise<Db> | undefined;

/** The migrated database. Migrations also run at start (instrumentation.ts) so errors show early. */
export function getDb(): Promise<Db> {
  ready ??= (async () => {
    const handle = createDb(env().database);
    await migrateToLatest(handle);
    return handle;
  })().catch((e) => {
    ready = undefined;
    throw e;
  });
  return ready;
}
