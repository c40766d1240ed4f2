import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const from = (headers: Record<string, string>) => isSameOriginRequest(new Headers({ host: "desk.example.in", ...headers }));

describe("isSameOriginRequest", () => {
  it("takes the browser's word in Sec-Fetch-Site", () => {
    expect(from({ "sec-fetch-site": "same-origin", origin: "https://desk.example.in" })).toBe(true);
    for (const site of ["same-site", "cross-site", "none"]) expect(from({ "sec-fetch-site": site, origin: "https://desk.example.in" }), site).toBe(false);
  });

  it("falls back to Origin against the host the request was sent to", () => {
    expect(from({ origin: "https://desk.example.in" })).toBe(true);
    expect(from({ origin: "https://evil.example.in" })).toBe(false);
    expect(from({ origin: "https://shop.desk.example.in" })).toBe(false);
    expect(from({ origin: "null" })).toBe(false);
    expect(from({ origin: "https://desk.example.in", "x-forwarded-host": "other.example" })).toBe(false);
  });

  it("lets through what no browser sent (scripts, health checks): no other site can make them carry a session", () => {
    expect(from({})).toBe(true);
  });
});
