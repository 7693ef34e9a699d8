import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Server modules import "server-only" to keep them out of client bundles; tests run on the server.
      "server-only": path.join(root, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "i18n/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    // A ceiling for a hung test, not a speed check (speed lives in bench/). Data-layer tests hash
    // passwords with argon2id and start content loads; on a 2-core machine under load (CI with a
    // build beside it) 5 s, vitest's default, failed tests that pass in under a second when quiet.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
