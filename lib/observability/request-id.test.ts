import { describe, expect, it } from "vitest";
import { requestIdFor, vettedRequestId } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("a request's id", () => {
  it("is our own proxy's when one is trusted and the id is well formed", () => {
    expect(requestIdFor("lb-7f3a9c2e41d04b8a", true)).toBe("lb-7f3a9c2e41d04b8a");
  });

  it("is minted afresh for a client's own header, a malformed one, one that could be a mobile, or none", () => {
    expect(requestIdFor("lb-7f3a9c2e41d04b8a", false)).toMatch(UUID);
    for (const given of [null, "", "short", "9876543210", "has space in it 12345", "a".repeat(65), '{"x":"y"}1234567890', "line\nbreak-1234567890"]) {
      expect(requestIdFor(given, true), String(given)).toMatch(UUID);
    }
  });

  it("is read back by actions and handlers only as the proxy left it", () => {
    expect(vettedRequestId("0b6f1c8e-2c3d-4e5f-8a9b-0c1d2e3f4a5b")).toBe("0b6f1c8e-2c3d-4e5f-8a9b-0c1d2e3f4a5b");
    expect(vettedRequestId("9876543210")).toBeNull();
    expect(vettedRequestId(null)).toBeNull();
  });
});
