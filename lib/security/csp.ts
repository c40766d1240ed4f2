/** What the policy depends on: the request's nonce, `next dev` or not, and whether the request came over https. */
export type CspOptions = { nonce: string; isDev: boolean; isHttps: boolean };

// Next reads the nonce back out of this header with /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/; anything else would
// also be a header-injection risk, so a nonce outside base64 is a programming error, not a request to serve.
const NONCE_PATTERN = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/** 128 random bits, base64: unguessable, and fresh for every request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The Content-Security-Policy value for one request. Pure: same options, same string. */
export function buildCsp({ nonce, isDev, isHttps }: CspOptions): string {
  if (!NONCE_PATTERN.test(nonce)) throw new Error("CSP nonce must be at least 16 base64 characters");
  const directives: string[] = [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonced bootstrap load its chunks; browsers that know it ignore 'self' here.
    // React needs eval only in development, to rebuild server error stacks in the browser.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // 'unsafe-inline' for styles only: Next's built-in 404 page (and next/image, the dev overlay) render `style`
    // attributes, which a nonce cannot cover; and a nonce here would make browsers ignore 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // 'self' also covers the dev server's same-origin HMR websocket.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Over plain http (the e2e suite, loopback demos) this would send every subresource to an https that is not there.
  if (isHttps) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
