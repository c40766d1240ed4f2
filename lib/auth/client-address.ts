import "server-only";

import { ConfigError } from "@/lib/eko/config";
import { PEER_ADDRESS_HEADER } from "@/lib/startup/peer-address";

/**
 * How many reverse proxies of ours stand in front of the desk. X-Forwarded-For is written by whoever sends the
 * request, so only the entries our own proxies appended can be believed: with N proxies, the N-th entry from the
 * right is the address the outermost one saw. With none (the default) the header is ignored entirely.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw) return 0;
  if (!/^\d$/.test(raw)) throw new ConfigError(["TRUSTED_PROXY_HOPS must be the number of reverse proxies in front of the desk (0 to 9)"]);
  return Number(raw);
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
