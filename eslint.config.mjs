import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
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
  { files: ["next.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    // Pure logic stays pure: grading imports nothing with I/O.
    files: ["lib/quiz/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*", "fs", "path", "@/lib/db*", "@/lib/content*"], message: "lib/quiz is pure: no I/O." }] }],
    },
  },
];

export default config;
