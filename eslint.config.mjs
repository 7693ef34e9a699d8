import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** lib/ never imports app/, by alias or by relative path. */
const NO_APP_FROM_LIB = { regex: "^(@/app|(\\.\\./)+app)(/|$)", message: "lib/ never imports app/: put route-level tests in tests/ (tests/routes, tests/fuzz)." };

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/sw.js"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // The house rule: screens go through the domain folders, never straight to the database.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...["kysely", "pg", "better-sqlite3"].map((name) => ({ name, message: "Use the domain folders in lib/ (lib/progress, lib/cohorts, …)." })),
            { name: "next/link", message: "Use @/components/ui/link: it prefetches on intent, not on sight." },
          ],
          patterns: [{ group: ["@/lib/db", "@/lib/db/*"], message: "Use the domain folders in lib/, not lib/db." }],
        },
      ],
    },
  },
  {
    // Layers point one way: app/ uses lib/, never the reverse. Tests that call route handlers live
    // in tests/ (tests/fuzz, tests/routes), so nothing under lib/ imports from app/.
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [NO_APP_FROM_LIB] }],
      // no-restricted-imports does not see import(): the old fuzz harness loaded routes that way.
      "no-restricted-syntax": ["error", { selector: `ImportExpression[source.value=/${NO_APP_FROM_LIB.regex.replaceAll("/", "\\/")}/]`, message: NO_APP_FROM_LIB.message }],
    },
  },
  { files: ["next.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    // Pure logic stays pure: grading imports nothing with I/O. (A later block for the same files
    // replaces the rule's options, so lib/quiz repeats the app/ ban.)
    files: ["lib/quiz/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["node:*", "fs", "path", "@/lib/db*", "@/lib/content*"], message: "lib/quiz is pure: no I/O." }, NO_APP_FROM_LIB] },
      ],
    },
  },
];

export default config;
