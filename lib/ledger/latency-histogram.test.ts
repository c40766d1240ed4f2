import { describe, expect, it } from "vitest";
import { bucketOf, percentileOf } from "./latency-histogram";

/** PostgreSQL's percentile_cont over the exact values. */
function exact(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const k = Math.floor(rank);
  return sorted[k]! + (rank - k) * ((sorted[k + 1] ?? sorted[k]!) - sorted[k]!);
}

const histogramOf = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(bucketOf(v), (counts.get(bucketOf(v)) ?? 0) + 1);
  return counts;
};

describe("latency histogram", () => {
  it("puts 0 ms in bucket 0 and each later bucket 5% wider than the one before", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(1)).toBe(1);
    expect(bucketOf(1.05)).toBe(2);
    expect(bucketOf(1.04)).toBe(1);
    expect(bucketOf(15_000)).toBeLessThan(200);
  });

  it("gives p50 and p95 within 3% of percentile_cont, for a skewed spread of latencies and for a handful", () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const many = Array.from({ length: 20_000 }, () => 50 + Math.floor(random() ** 2.5 * 2950));
    const few = [100, 200, 300, 400, 500, 600, 1000];
    for (const values of [many, few])
      for (const p of [0.5, 0.95]) {
        const estimate = percentileOf(histogramOf(values), p)!;
        expect(Math.abs(estimate - exact(values, p)) / exact(values, p)).toBeLessThan(0.03);
      }
  });

  it("is null with nothing counted", () => {
    expect(percentileOf(new Map(), 0.5)).toBeNull();
    expect(percentileOf(new Map([[3, 0]]), 0.5)).toBeNull();
  });
});
