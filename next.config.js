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
// The directives live in lib/http/csp.json, which proxy.ts also reads to open the LTI pages'
// framing to registered LMSs (lib/lti/frame-policy.ts). What they say: everything from this origin
// only ('self'); scripts and styles also inline; no data: or blob: images (the app has none; and a
// colon anywhere in a header value makes Next compile the value as a path template on every
// request, for every page); no plugins (object-src 'none'); no other <base>; forms post only here;
// no framing by anyone (frame-ancestors 'none') and no frames of others (frame-src 'none').
const contentSecurityPolicy = require("./lib/http/csp.json")
  .directives.map((/** @type {string} */ d) => (d.startsWith("script-src") && !production ? `${d} 'unsafe-eval'` : d))
  .join("; ");

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
      // Everything but the LTI pages: never framed (X-Frame-Options for old browsers as well).
      { source: "/:path((?![a-z]{2}(?:-[A-Z]{2})?/lti(?:/|$)).*)", headers: securityHeaders },
      // The LTI pages (/<locale>/lti/...), shown inside an LMS: the same headers without
      // X-Frame-Options (it cannot name an origin), so their CSP's frame-ancestors decides, which
      // is 'none' here; proxy.ts opens it to the registered platforms' origins alone. Without the
      // proxy they stay unframable.
      { source: "/:locale/lti/:path*", headers: securityHeaders.filter((h) => h.key !== "X-Frame-Options") },
      // The service worker (scripts/build-sw.mjs writes public/sw.js after the build): always
      // revalidated, so a new deployment's worker is found on the next visit (docs/offline.md).
      // At the root, its scope is the whole app without a Service-Worker-Allowed header.
      { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
