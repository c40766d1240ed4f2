import { describe, expect, it } from "vitest";
import { MobileVault } from "./mobile-vault";

const KEY_A = Buffer.from("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex");
const KEY_B = Buffer.alloc(32, 0xa5);
const MOBILE = "9876543210";

const vaultA = new MobileVault(KEY_A);
const vaultB = new MobileVault(KEY_B);

/** The sealed value with one byte of its payload flipped (after the `v1:` prefix). */
function flipByte(sealed: string, index: number): string {
  const raw = Buffer.from(sealed.slice(3), "base64");
  raw[index] = (raw[index] ?? 0) ^ 0x01;
  return `v1:${raw.toString("base64")}`;
}

describe("MobileVault.hash", () => {
  it("is deterministic for one key: a new vault on the same key gives the same hash", () => {
    expect(vaultA.hash(MOBILE)).toBe(vaultA.hash(MOBILE));
    expect(new MobileVault(Buffer.from(KEY_A)).hash(MOBILE)).toBe(vaultA.hash(MOBILE));
    expect(vaultA.hash(MOBILE)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs across keys and across mobiles", () => {
    expect(vaultB.hash(MOBILE)).not.toBe(vaultA.hash(MOBILE));
    expect(vaultA.hash("9876543211")).not.toBe(vaultA.hash(MOBILE));
  });

  it("is not a plain SHA-256 of the number", async () => {
    const { createHash } = await import("node:crypto");
    expect(vaultA.hash(MOBILE)).not.toBe(createHash("sha256").update(MOBILE).digest("hex"));
  });
});

describe("MobileVault encryption", () => {
  it("round-trips", () => {
    for (const mobile of [MOBILE, "6000000000", "9999999999"]) expect(vaultA.decrypt(vaultA.encrypt(mobile))).toBe(mobile);
  });

  it("seals the same number differently each time, and both open", () => {
    const first = vaultA.encrypt(MOBILE);
    const second = vaultA.encrypt(MOBILE);
    expect(first).not.toBe(second);
    expect(vaultA.decrypt(second)).toBe(MOBILE);
  });

  it("does not contain the number, its hash or its last four digits in clear", () => {
    const sealed = vaultA.encrypt(MOBILE);
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain(MOBILE);
    expect(Buffer.from(sealed.slice(3), "base64").toString("latin1")).not.toContain("3210");
    expect(sealed).not.toContain(vaultA.hash(MOBILE));
  });

  // Payload layout: 12-byte IV, 16-byte GCM tag, then the body.
  it.each([
    ["the IV", 0],
    ["the tag", 12],
    ["the body", 28],
    ["the last byte", 37],
  ])("refuses ciphertext with a byte of %s changed", (_part, index) => {
    const sealed = vaultA.encrypt(MOBILE);
    expect(() => vaultA.decrypt(flipByte(sealed, index))).toThrow();
  });

  it("refuses truncated ciphertext, another key's ciphertext and unknown formats", () => {
    const sealed = vaultA.encrypt(MOBILE);
    const raw = Buffer.from(sealed.slice(3), "base64");
    expect(() => vaultA.decrypt(`v1:${raw.subarray(0, raw.length - 1).toString("base64")}`)).toThrow();
    expect(() => vaultB.decrypt(sealed)).toThrow();
    expect(() => vaultA.decrypt(sealed.replace(/^v1:/, "v2:"))).toThrow(/format/);
    expect(() => vaultA.decrypt(MOBILE)).toThrow(/format/);
  });

  it("protect() gives the hash, the last four digits and ciphertext that opens to the number", () => {
    const protectedMobile = vaultA.protect(MOBILE);
    expect(protectedMobile.customerMobileHash).toBe(vaultA.hash(MOBILE));
    expect(protectedMobile.customerMobileLast4).toBe("3210");
    expect(vaultA.decrypt(protectedMobile.customerMobileEncrypted)).toBe(MOBILE);
  });
});
