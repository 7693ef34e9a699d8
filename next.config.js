// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const production = process.env.NODE_ENV === "production";

/**
 * Content-Security-Policy. Lesson, course and help pages are static HTML, and Next inlines their
 * React payload as <script> tags; a per-request nonce would force every page to render per
 * request (Next's CSP guide), so inline scripts are allowed by 'unsafe-inline' and everything
 * else is locked to this origin: no third-party script, style, font, frame, form target or
 * <base>, no plugins, and no framing by anyone (frame-ancestors). React needs eval only in dev.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  // No data: or blob: images (the app has none). A colon anywhere in a header value makes Next
  // compile the value as a path template on every request, for every page.
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
].join("; ");

/**
 * Headers every response carries (tested in e2e/headers.spec.ts). HSTS is sent by production
 * builds; browsers ignore it on plain http (RFC 6797 section 8.1), so a local `next start` over
 * http is unaffected while an https deployment is pinned to https for two years.
 */
const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // No ETag: Next hashes the whole HTML in JavaScript on every request to make one, which was the
  // largest single cost of serving a static lesson page (bench/). Lesson pages are cached by URL
  // and build; a changed build changes the page anyway.
  generateEtags: false,
  // Every page's <title> and metadata in <head> from the first byte, for every visitor: Next
  // otherwise streams a dynamic page's metadata after its body, so a screen reader (or axe) can
  // meet a personal page with no title yet. Static pages are unaffected (built with their head).
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  // The app serves no image through Next's optimiser, so its endpoint (/_next/image, which
  // decodes and resizes on request) is switched off: it answers 404 (e2e/static.spec.ts).
  images: { unoptimized: true },
  // An installation's data (the SQLite database, the local session secret) and the e2e run's
  // never belong in a build's server file traces, which is what a deployment copies; lib/env.ts
  // keeps Turbopack from following the data paths, and this holds the line whatever a later
  // path expression does (e2e/static.spec.ts checks the traces; .ci/run builds with data/ there).
  // Test code, benches and docs never ship with the server: the content loaders read paths known
  // only at run time (a locale's file or its English fallback, lib/content/files.ts), which the
  // build traces as "anything in the project" for the pages that load content.
  outputFileTracingExcludes: { "*": ["data/**", ".e2e-data/**", "**/*.sqlite", "**/*.sqlite-wal", "**/*.sqlite-shm", "**/.auth-secret", "e2e/**", "tests/**", "bench/**", "docs/**", "**/*.test.ts", "**/*.test.tsx"] },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The service worker (scripts/build-sw.mjs writes public/sw.js after the build): always
      // revalidated, so a new deployment's worker is found on the next visit (docs/offline.md).
      // At the root, its scope is the whole app without a Service-Worker-Allowed header.
      { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
