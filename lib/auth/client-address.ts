import "server-only";

import { ConfigError } from "@/lib/eko/config";

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

export function clientAddress(forwardedFor: string | null, hops: number): string | null {
  if (hops === 0 || !forwardedFor) return null;
  const entries = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.length >= hops ? (entries[entries.length - hops] ?? null) : null;
}
