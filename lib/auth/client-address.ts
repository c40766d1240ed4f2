import "server-only";

import { readSettings, settings } from "@/lib/settings";
import { PEER_ADDRESS_HEADER } from "@/lib/startup/peer-address";

/** TRUSTED_PROXY_HOPS (lib/settings.ts): how many reverse proxies of ours stand in front of the desk. */
export function trustedProxyHops(env?: Record<string, string | undefined>): number {
  return (env ? readSettings("proxy", env) : settings("proxy")).hops;
}

/**
 * The client's address: from X-Forwarded-For as far as our own proxies vouch for it, else the address of the
 * connection itself (stamped by the server, lib/startup/peer-address.ts). Null only when neither is known.
 */
export function clientAddress(headers: Pick<Headers, "get">, hops: number): string | null {
  const forwardedFor = headers.get("x-forwarded-for");
  if (hops > 0 && forwardedFor) {
    const entries = forwardedFor
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const vouched = entries.length >= hops ? entries[entries.length - hops] : undefined;
    if (vouched) return vouched;
  }
  return headers.get(PEER_ADDRESS_HEADER)?.trim() || null;
}
