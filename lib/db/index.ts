// The app's database handle: opened once per server process, migrated before first use.
import "server-only";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { createDb, migrateToLatest, type Db } from "./client";

export { writeTx, type Db } from "./client";
export type { Database, Role } from "./schema";

/** One handle per process, shared by every bundled copy of this module (lib/process-singleton.ts). */
const opened = processSingleton("db", () => ({ ready: undefined as Promise<Db> | undefined }));

/** The migrated database. Migrations also run at start (instrumentation.ts) so errors show early. */
export function getDb(): Promise<Db> {
  opened.ready ??= (async () => {
    const handle = createDb(env().database);
    await migrateToLatest(handle);
    return handle;
  })().catch((e) => {
    opened.ready = undefined;
    throw e;
  });
  return opened.ready;
}
