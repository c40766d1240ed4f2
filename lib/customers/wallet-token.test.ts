import { describe, expect, it } from "vitest";
import { openWalletToken, sealWalletToken, walletTokenExpiry, WALLET_TOKEN_MAX_MS } from "./wallet-token";

const jwt = (payload: object) => `${Buffer.from('{"alg":"HS256"}').toString("base64url")}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.signature`;
const now = new Date("2026-12-04T10:00:00Z");

describe("the wallet token, held on the server", () => {
  it("is forgotten at Eko's exp when that comes first", () => {
    const exp = now.getTime() / 1000 + 600;
    expect(walletTokenExpiry(jwt({ exp }), now)).toEqual(new Date(exp * 1000));
  });

  it("is forgotten after 30 minutes however long Eko lets it live, or when its exp cannot be read", () => {
    const cap = new Date(now.getTime() + WALLET_TOKEN_MAX_MS);
    expect(walletTokenExpiry(jwt({ exp: now.getTime() / 1000 + 86_400 }), now)).toEqual(cap);
    expect(walletTokenExpiry("not-a-jwt", now)).toEqual(cap);
    expect(walletTokenExpiry(jwt({ exp: "soon" }), now)).toEqual(cap);
  });

  it("is kept sealed: the stored form never contains the token, and opens back to it", () => {
    const token = jwt({ exp: 1, sub: "4444" });
    const sealed = sealWalletToken(token);
    expect(sealed).not.toContain(token);
    expect(sealed).not.toContain(token.split(".")[1]);
    expect(openWalletToken(sealed)).toBe(token);
    expect(sealWalletToken(token)).not.toBe(sealed);
  });
});
