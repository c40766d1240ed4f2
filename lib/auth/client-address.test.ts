import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/startup/peer-address";
import { clientAddress, trustedProxyHops } from "./client-address";

const request = (headers: Record<string, string>) => new Headers(headers);
const PEER = { [PEER_ADDRESS_HEADER]: "192.0.2.10" };

describe("the client's address", () => {
  it("with no proxy of ours declared, is the connection's own address: X-Forwarded-For is the sender's to write", () => {
    expect(clientAddress(request({ "x-forwarded-for": "203.0.113.77", ...PEER }), 0)).toBe("192.0.2.10");
    expect(clientAddress(request({ "x-forwarded-for": "203.0.113.77" }), 0)).toBeNull();
  });

  it("believes only the entry our own proxy appended", () => {
    // The client claimed 1.1.1.1; our one proxy appended the address it really saw.
    expect(clientAddress(request({ "x-forwarded-for": "1.1.1.1, 198.51.100.9", ...PEER }), 1)).toBe("198.51.100.9");
    expect(clientAddress(request({ "x-forwarded-for": "1.1.1.1, 198.51.100.9, 10.0.0.2" }), 2)).toBe("198.51.100.9");
  });

  it("falls back to the connection when the header holds fewer entries than our proxies would have written", () => {
    expect(clientAddress(request({ "x-forwarded-for": "198.51.100.9", ...PEER }), 2)).toBe("192.0.2.10");
    expect(clientAddress(request(PEER), 1)).toBe("192.0.2.10");
  });

  it("reads TRUSTED_PROXY_HOPS, refusing nonsense", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "1" })).toBe(1);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: "all" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
