import { describe, expect, it } from "vitest";
import { readSettings } from "@/lib/settings";

describe("EKO_BREAKER_* settings", () => {
  it("defaults to 5 failures and a 30 s cool-down", () => {
    expect(readSettings("breaker", {})).toEqual({ failures: 5, cooldownMs: 30_000 });
    expect(readSettings("breaker", { EKO_BREAKER_FAILURES: " ", EKO_BREAKER_COOLDOWN_MS: "" })).toEqual({ failures: 5, cooldownMs: 30_000 });
  });

  it("reads whole numbers", () => {
    expect(readSettings("breaker", { EKO_BREAKER_FAILURES: "3", EKO_BREAKER_COOLDOWN_MS: "60000" })).toEqual({ failures: 3, cooldownMs: 60_000 });
  });

  it("names each malformed variable, never its value", () => {
    const read = () => readSettings("breaker", { EKO_BREAKER_FAILURES: "0", EKO_BREAKER_COOLDOWN_MS: "soon-ish" });
    expect(read).toThrow(/EKO_BREAKER_FAILURES must be at least 1/);
    expect(read).toThrow(/EKO_BREAKER_COOLDOWN_MS must be a whole number of milliseconds/);
    expect(read).not.toThrow(/soon-ish/);
  });
});
