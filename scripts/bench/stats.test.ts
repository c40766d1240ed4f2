import { describe, expect, it } from "vitest";
import { percentile, timeRuns } from "./stats";

describe("timeRuns", () => {
  it("runs every run when there is time", async () => {
    let calls = 0;
    const timing = await timeRuns(async () => void calls++, { warmups: 2, runs: 5 });
    expect(calls).toBe(7);
    expect(timing.runs).toBe(5);
  });

  it("stops at maxSeconds, after at least one measured run", async () => {
    const slow = () => new Promise((resolve) => setTimeout(resolve, 30));
    const timing = await timeRuns(slow, { warmups: 1, runs: 100, maxSeconds: 0.1 });
    expect(timing.runs).toBeGreaterThanOrEqual(1);
    expect(timing.runs).toBeLessThan(10);
    const once = await timeRuns(slow, { warmups: 3, runs: 5, maxSeconds: 0.01 });
    expect(once.runs).toBe(1);
  });
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });
});
