import "server-only";
import { createHmac } from "node:crypto";

/**
 * Eko's secret-key: base64 of HMAC-SHA256 keyed with the *text* of base64(access_key), over the timestamp string.
 * The key is deliberately not decoded back to bytes: that is one of Eko's listed causes of HTTP 403.
 */
export function signSecretKey(accessKey: string, timestamp: string): string {
  const signingKey = Buffer.from(accessKey, "utf8").toString("base64");
  return createHmac("sha256", signingKey).update(timestamp, "utf8").digest("base64");
}

export type EkoAuthHeaders = {
  developer_key: string;
  "secret-key-timestamp": string;
  "secret-key": string;
};

/** One timestamp, read once, goes into both the header and the signature. */
export function ekoAuthHeaders(developerKey: string, accessKey: string, nowMs: number): EkoAuthHeaders {
  const timestamp = String(Math.trunc(nowMs));
  return {
    developer_key: developerKey,
    "secret-key-timestamp": timestamp,
    "secret-key": signSecretKey(accessKey, timestamp),
  };
}
