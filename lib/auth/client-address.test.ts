import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxyHops } from "./client-address";

describe("the client's address", () => {
  it("ignores X-Forwarded-For when no proxy of ours is declared: the sender writes it", () => {
    expect(clientAddress("203.0.113.77", 0)).toBeNull();
  });

  it("believes only the entry our own proxy appended", () => {
    // The client claimed 1.1.1.1; our one proxy appended the address it really saw.
    expect(clientAddress("1.1.1.1, 198.51.100.9", 1)).toBe("198.51.100.9");
    expect(clientAddress("1.1.1.1, 198.51.100.9, 10.0.0.2", 2)).toBe("198.51.100.9");
    expect(clientAddress("198.51.100.9", 2)).toBeNull();
  });

  it("reads TRUSTED_PROXY_HOPS, refusing nonsense", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "1" })).toBe(1);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: "all" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
