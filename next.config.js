// @ts-check
// Shared with proxy.ts, so static files and proxied responses carry the same values.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS, loaded by plain Node
const { ASSET_CSP_HEADER, HSTS_HEADER, STATIC_SECURITY_HEADERS } = require("./lib/security/static-headers.js");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm run build` (scripts/build.mjs) makes .next/standalone a folder that runs with plain `node server.js`.
  output: "standalone",
  outputFileTracingRoot: __dirname,
  // Read at run time from paths the tracer cannot follow (lib/db/open.ts, lib/db/embedded-server.ts): the
  // migrations, and the embedded database's thread with the packages it imports.
  outputFileTracingIncludes: {
    "/**": [
      "./lib/db/migrations/**/*",
      "./lib/db/embedded-thread.mjs",
      "./node_modules/@electric-sql/pglite/package.json",
      "./node_modules/@electric-sql/pglite/dist/**/*",
      "./node_modules/@electric-sql/pglite-socket/package.json",
      "./node_modules/@electric-sql/pglite-socket/dist/**/*",
    ],
  },
  // The bench's bare page and handler (`*.bench.ts[x]`) are built only when the build itself is for the bench: a
  // production build has no route that calls Eko without a session.
  pageExtensions: ["tsx", "ts", ...(process.env.BENCH_BARE_ROUTES === "1" ? ["bench.tsx", "bench.ts"] : [])],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() and app/(desk)/forbidden.tsx: a signed-in role that may not see a page gets a real 403.
    authInterrupts: true,
    // The stylesheet in the page itself: on a slow mobile link a separate, render-blocking request costs a round trip.
    inlineCss: true,
    // `next start` would load every route's modules as it starts, on the same thread that serves the first request:
    // measured with a CPU profile, that put about 0.2 s between `npm start` and the sign-in page. Each route now loads
    // on its first request instead.
    preloadEntriesOnStart: false,
    serverActions: {
      // The OTP form posts four short fields; nothing legitimate comes near this.
      bodySizeLimit: "16kb",
    },
  },
  // The non-CSP security headers on every path, including what the proxy skips (Next's build output and image
  // optimiser), and a strict nonce-less CSP there. Everywhere else the CSP carries a per-request nonce, so only
  // proxy.ts sends it: a second, nonce-less CSP would block the page's scripts.
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/_next/static/:path*", headers: [ASSET_CSP_HEADER] },
      { source: "/_next/image", headers: [ASSET_CSP_HEADER] },
      // https is only known from the TLS-terminating proxy in front of `next start`; never over plain http.
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https(?:,.*)?" }], headers: [HSTS_HEADER] },
    ];
  },
};

module.exports = nextConfig;
