// `npm run test:durability`: the small crash test (3 rounds x 150 answers per engine) against the
// production build in the working directory. Full size: `npm run soak` (scripts/soak.ts).
import { main } from "./cli";

main({ rounds: 3, submissions: 150 }).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
