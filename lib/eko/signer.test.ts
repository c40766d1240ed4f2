import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ekoAuthHeaders, signSecretKey } from "./signer";

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const opensslAvailable = hasOpenssl();
if (!opensslAvailable) console.warn("Skipping the openssl cross-check: `openssl` is not on PATH.");

/** Eko's recipe through the system openssl: the HMAC key is the base64 text of the access key. */
function opensslSecretKey(accessKey: string, timestamp: string): string {
  const base64Key = Buffer.from(accessKey, "utf8").toString("base64");
  const digest = execFileSync("openssl", ["dgst", "-sha256", "-hmac", base64Key, "-binary"], { input: timestamp });
  return digest.toString("base64");
}

describe("signSecretKey", () => {
  it("matches Eko's first known-answer vector", () => {
    expect(signSecretKey("test-access-key-123", "1700000000000")).toBe("88lqTf9ew69XbVbeczjxVL8/B4vibfp1MvTi1mIj2Xo=");
  });

  it("matches Eko's second known-answer vector", () => {
    expect(signSecretKey("TEST_ACCESS_KEY_DO_NOT_USE", "1700000000000")).toBe("u30ak/iOGwKCaspqCeiYng8fd98QDx7kF3DBBOadQHk=");
  });

  it("is standard base64 of 32 bytes (not hex, not URL-safe)", () => {
    const sig = signSecretKey("d2fe1d99-6298-4af2-8cc5-d97dcf46df30", "1712345678901");
    expect(sig).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(sig, "base64")).toHaveLength(32);
  });

  it("does not decode the base64 key back to bytes before signing", () => {
    const accessKey = "test-access-key-123";
    const decodedKeySig = createHmac("sha256", Buffer.from(accessKey, "utf8")).update("1700000000000").digest("base64");
    expect(signSecretKey(accessKey, "1700000000000")).not.toBe(decodedKeySig);
  });

  it.skipIf(!opensslAvailable)("agrees with `openssl dgst -sha256 -hmac` for random keys and timestamps", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 48 }),
        fc.integer({ min: 1_000_000_000_000, max: 9_999_999_999_999 }).map(String),
        (accessKey, timestamp) => {
          expect(signSecretKey(accessKey, timestamp)).toBe(opensslSecretKey(accessKey, timestamp));
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("ekoAuthHeaders", () => {
  const developerKey = "becbbce45f79c6f5109f848acd540567";
  const accessKey = "d2fe1d99-6298-4af2-8cc5-d97dcf46df30";

  it("uses exactly Eko's three header names", () => {
    const headers = ekoAuthHeaders(developerKey, accessKey, 1_700_000_000_000);
    expect(Object.keys(headers).sort()).toEqual(["developer_key", "secret-key", "secret-key-timestamp"]);
    expect(headers.developer_key).toBe(developerKey);
  });

  it("sends a 13-digit millisecond timestamp, truncating fractions", () => {
    const headers = ekoAuthHeaders(developerKey, accessKey, 1_700_000_000_000.9);
    expect(headers["secret-key-timestamp"]).toBe("1700000000000");
    expect(ekoAuthHeaders(developerKey, accessKey, Date.now())["secret-key-timestamp"]).toMatch(/^\d{13}$/);
  });

  it("signs the very timestamp it sends", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_600_000_000_000, max: 4_000_000_000_000 }), (nowMs) => {
        const headers = ekoAuthHeaders(developerKey, accessKey, nowMs);
        expect(headers["secret-key-timestamp"]).toBe(String(nowMs));
        expect(headers["secret-key-timestamp"]).toMatch(/^\d{13}$/);
        expect(headers["secret-key"]).toBe(signSecretKey(accessKey, headers["secret-key-timestamp"]));
      }),
      { numRuns: 50 },
    );
  });

  it("reproduces the known-answer vector through the headers", () => {
    expect(ekoAuthHeaders("dev", "test-access-key-123", 1_700_000_000_000)["secret-key"]).toBe(
      "88lqTf9ew69XbVbeczjxVL8/B4vibfp1MvTi1mIj2Xo=",
    );
  });

  it("has no trailing whitespace in any header value", () => {
    for (const value of Object.values(ekoAuthHeaders(developerKey, accessKey, Date.now()))) {
      expect(value).toBe(value.trim());
    }
  });
});
