import { describe, expect, it } from "vitest";
import { bareHandlerEnabled } from "./bare-routes";

describe("the bench's bare handler", () => {
  it("calls Eko only when the bench turned it on and Eko is the local simulator", () => {
    expect(bareHandlerEnabled({ BENCH_BARE_ROUTES: "1" }, "simulator")).toBe(true);
    for (const eko of ["production", "uat", "custom"] as const) expect(bareHandlerEnabled({ BENCH_BARE_ROUTES: "1" }, eko)).toBe(false);
    expect(bareHandlerEnabled({}, "simulator")).toBe(false);
  });
});
