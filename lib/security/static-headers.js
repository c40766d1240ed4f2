// @ts-check
// CommonJS on purpose: next.config.js (CommonJS, loaded by plain Node) requires this file, and proxy.ts imports it
// through headers.ts, so both send exactly the same values.

/** Sent on every response, whatever it is: page, route handler, redirect, 404 or static file. */
const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    // Only features Chromium recognises: an unknown one logs a console error on every page.
    // The desk copies reference numbers, so clipboard writes stay allowed for itself.
    value: [
      "accelerometer=()",
      "autoplay=()",
      "camera=()",
      "clipboard-read=()",
      "clipboard-write=(self)",
      "display-capture=()",
      "encrypted-media=()",
      "geolocation=()",
      "gyroscope=()",
      "hid=()",
      "idle-detection=()",
      "magnetometer=()",
      "microphone=()",
      "midi=()",
      "payment=()",
      "screen-wake-lock=()",
      "serial=()",
      "usb=()",
      "xr-spatial-tracking=()",
    ].join(", "),
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * For what the proxy does not see (Next's build output and image optimiser): nothing there is a page of ours, so
 * nothing may run, load or frame it; no nonce is needed.
 */
const ASSET_CSP_HEADER = {
  key: "Content-Security-Policy",
  value: "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/** Only over https: over plain http a browser ignores it anyway, and it must never pin a loopback test host. */
const HSTS_HEADER = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

module.exports = { STATIC_SECURITY_HEADERS, HSTS_HEADER, ASSET_CSP_HEADER };
