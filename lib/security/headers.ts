import { buildCsp, type CspOptions } from "./csp";
import { HSTS_HEADER, STATIC_SECURITY_HEADERS } from "./static-headers.js";

export type HeaderEntry = { key: string; value: string };

/** The static list next.config.js also sends, typed for TypeScript callers. */
export const staticSecurityHeaders: readonly HeaderEntry[] = STATIC_SECURITY_HEADERS;

/** Every security header for one response the proxy produces: CSP with its nonce, the static list, HSTS over https. */
export function securityHeaders(options: CspOptions): HeaderEntry[] {
  const entries: HeaderEntry[] = [{ key: "Content-Security-Policy", value: buildCsp(options) }, ...staticSecurityHeaders];
  if (options.isHttps) entries.push(HSTS_HEADER);
  return entries;
}

/** `set`, never `append`: a second copy of a CSP would be enforced as well and could block the nonced scripts. */
export function applySecurityHeaders(headers: Headers, entries: readonly HeaderEntry[]): void {
  for (const { key, value } of entries) headers.set(key, value);
}

/**
 * https when the connection was, or when the TLS-terminating proxy in front says so. A client can spoof
 * X-Forwarded-Proto, but all it gains is HSTS and upgrade-insecure-requests on its own responses.
 */
export function isHttpsRequest(url: URL, forwardedProto: string | null): boolean {
  const firstHop = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return firstHop ? firstHop === "https" : url.protocol === "https:";
}
