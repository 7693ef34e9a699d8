import type { Migration, MigrationProvider } from "kysely";
import type { DbKind } from "../client";
import { migration0001 } from "./0001-init";
import { migration0002 } from "./0002-cohorts";

/** All migrations in order. Names sort by their number; never rename or edit a landed one. */
export function migrationProvider(kind: DbKind): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { "0001-init": migration0001(kind), "0002-cohorts": migration0002(kind) };
    },
  };
}
