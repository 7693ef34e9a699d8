// npm run db:migrate — applies pending migrations to DATABASE_URL (or the SQLite default) and exits.
import { env } from "../lib/env";
import { createDb, migrateToLatest } from "../lib/db/client";

async function main() {
  const config = env().database;
  const handle = createDb(config);
  try {
    const applied = await migrateToLatest(handle);
    const where = config.kind === "sqlite" ? config.file : "PostgreSQL";
    console.log(applied.length ? `Applied ${applied.join(", ")} to ${where}.` : `Database at ${where} is up to date.`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
