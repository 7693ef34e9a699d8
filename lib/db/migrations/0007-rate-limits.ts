import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

/**
 * The table rate-limiter-flexible keeps its counters in (lib/ratelimit), with exactly the columns
 * its RateLimiterSQLite and RateLimiterPostgres create themselves: a key (a limit's prefix and a
 * hashed client, group or account), the points used in the window, and when the window ends (ms
 * since the epoch). Created here, not by the library at run time, so that every instance finds it
 * migrated and the app's database user needs no CREATE rights while serving.
 */
export function migration0007(kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("rate_limits")
        .addColumn("key", kind === "postgres" ? "varchar(255)" : "text", (c) => c.primaryKey())
        .addColumn("points", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("expire", kind === "postgres" ? "bigint" : "integer")
        .execute();
    },
  };
}
