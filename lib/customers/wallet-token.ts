import "server-only";
import { loadLedgerKey } from "@/lib/privacy/ledger-key";
import { deriveKey, Sealer } from "@/lib/privacy/sealer";

/** However long Eko lets a wallet token live, the desk holds it at most this long (issue #19). */
export const WALLET_TOKEN_MAX_MS = 30 * 60 * 1000;

let sealer: Sealer | undefined;
const tokenSealer = () => (sealer ??= new Sealer(deriveKey(loadLedgerKey(), "wallet-token")));

export const sealWalletToken = (token: string) => tokenSealer().seal(token);
export const openWalletToken = (sealed: string) => tokenSealer().open(sealed);

/** Eko's JWT `exp` (seconds), when the token carries one it can be read from; the token is not verified here (Eko does). */
function jwtExpiryMs(token: string): number | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const exp = (JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { exp?: unknown }).exp;
    return typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/** When the desk forgets the token: Eko's expiry or 30 minutes from now, whichever is first. */
export function walletTokenExpiry(token: string, now: Date): Date {
  const cap = now.getTime() + WALLET_TOKEN_MAX_MS;
  const exp = jwtExpiryMs(token);
  return new Date(exp === null ? cap : Math.min(exp, cap));
}
