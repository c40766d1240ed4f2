import { createHmac, timingSafeEqual } from "node:crypto";

export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export type SignatureVerdict = { ok: true } | { ok: false; why: string };

/**
 * The simulator's own check of Eko's signing rule, written apart from the desk's signer so that a shared mistake
 * cannot pass unnoticed: HMAC-SHA256 keyed by the ASCII bytes of base64(access_key), over the 13-digit timestamp.
 */
export function verifyEkoSignature(
  headers: { developerKey?: string; timestamp?: string; secretKey?: string },
  expected: { developerKey: string; accessKey: string },
  nowMs: number,
): SignatureVerdict {
  if (headers.developerKey !== expected.developerKey) return { ok: false, why: "unknown developer_key" };
  const timestamp = headers.timestamp ?? "";
  if (!/^\d{13}$/.test(timestamp)) return { ok: false, why: "secret-key-timestamp is not 13-digit milliseconds" };
  if (Math.abs(nowMs - Number(timestamp)) > MAX_CLOCK_SKEW_MS) return { ok: false, why: "secret-key-timestamp too far from now" };

  const keyText = btoa(expected.accessKey);
  const want = createHmac("sha256", Buffer.from(keyText, "latin1")).update(Buffer.from(timestamp, "latin1")).digest();
  const sent = headers.secretKey ?? "";
  if (!/^[A-Za-z0-9+/]{43}=$/.test(sent)) return { ok: false, why: "secret-key is not standard base64 of 32 bytes" };
  const got = Buffer.from(sent, "base64");
  return got.length === want.length && timingSafeEqual(got, want) ? { ok: true } : { ok: false, why: "secret-key does not match" };
}
