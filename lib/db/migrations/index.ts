import type { Migration, MigrationProvider } from "kysely";
import type { DbKind } from "../client";
import { migration0001 } from "./0001-init";

/** All migrations in order. Names sort by their number; never rename or edit a landed one. */
export function migrationProvider(kind: DbKind): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { "0001-init": migration0001(kind) };
    },
  };
}
