/** The header that carries a request's id: from our own reverse proxy when trusted, else minted by proxy.ts. */
export const REQUEST_ID_HEADER = "x-request-id";

// Letters, digits and . _ - only, so an id is safe in a log line; long enough not to be a mobile or an OTP.
const WELL_FORMED = /^[A-Za-z0-9._-]{16,64}$/;

/**
 * The id this request is logged under: the one our own reverse proxy set, when one is trusted and it is well formed
 * (its access log then joins ours), else a fresh UUID. A client's own header is never believed, as with X-Forwarded-For.
 */
export function requestIdFor(incoming: string | null, trustProxy: boolean): string {
  return trustProxy && incoming && WELL_FORMED.test(incoming) ? incoming : crypto.randomUUID();
}

/** An id proxy.ts has already vetted, as a server action or route handler reads it back; null if missing or malformed. */
export function vettedRequestId(value: string | null): string | null {
  return value && WELL_FORMED.test(value) ? value : null;
}
