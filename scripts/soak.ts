// `npm run soak`: the durability test at full size, 50 rounds x 1000 answers per engine, each
// round killing the real server mid-flight (tests/durability/). SQLite always; PostgreSQL too
// with TEST_DATABASE_URL=postgres://... or `npm run soak -- --pg`. Needs `npm run build` first.
import { main } from "../tests/durability/cli";

main({ rounds: 50, submissions: 1000 }).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
