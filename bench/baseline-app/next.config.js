// @ts-check
// The framework floor for bench/: a bare Next.js app, built by bench/run.ts into a temporary
// directory with the root node_modules' next. Same config as the app where it shapes the output
// (no x-powered-by, no ETag, strict mode); nothing else.

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  generateEtags: false,
  reactStrictMode: true,
  // Native / server-only drivers are loaded from node_modules at run time, as in the app.
  serverExternalPackages: ["better-sqlite3", "pg"],
  // The bench builds this app in a temporary directory whose node_modules is a symlink to the
  // repository's; Turbopack only compiles files under its root, so the bench passes a directory
  // holding both.
  ...(process.env.BENCH_BUILD_ROOT ? { turbopack: { root: process.env.BENCH_BUILD_ROOT }, outputFileTracingRoot: process.env.BENCH_BUILD_ROOT } : {}),
};

module.exports = nextConfig;
