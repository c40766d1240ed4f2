import { sql, type SQL } from "drizzle-orm";

/**
 * Latencies kept as a histogram of log-spaced buckets, so p50/p95 over any range come from a few hundred counts instead
 * of every row. Bucket 0 holds 0 ms; bucket b ≥ 1 holds [GROWTH^(b−1), GROWTH^b) ms. A growth of 5% keeps a
 * percentile read from it within about 2.5% of the exact one.
 */
const GROWTH = 1.05;
const LOG_GROWTH = Math.log(GROWTH);

/** The bucket of `ms`, as the SQL below computes it; exported for tests. */
export function bucketOf(ms: number): number {
  return ms < 1 ? 0 : 1 + Math.floor(Math.log(ms) / LOG_GROWTH + 1e-9);
}

/** The same rule over a column or value in SQL, so the ledger writes and the rebuild bucket alike. */
export function bucketSql(ms: SQL | SQL.Aliased | unknown): SQL<number> {
  return sql<number>`(case when ${ms} < 1 then 0 else 1 + floor(ln(${ms}) / ${LOG_GROWTH}::float8 + 1e-9) end)::smallint`;
}

function bounds(bucket: number): [number, number] {
  return bucket === 0 ? [0, 0] : [GROWTH ** (bucket - 1), GROWTH ** bucket];
}

/**
 * The `p` percentile (0..1) of the counted latencies, as PostgreSQL's percentile_cont would give it over the rows: each
 * bucket's rows are taken as spread evenly across it, and the value at rank p × (n − 1) is interpolated between the
 * two rows around it. Null when nothing is counted.
 */
export function percentileOf(counts: ReadonlyMap<number, number>, p: number): number | null {
  const buckets = [...counts.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const valueAt = (k: number): number => {
    let below = 0;
    for (const [bucket, n] of buckets) {
      if (k < below + n) {
        const [lo, hi] = bounds(bucket);
        return lo + ((hi - lo) * (k - below + 0.5)) / n;
      }
      below += n;
    }
    return bounds(buckets[buckets.length - 1]![0])[1];
  };
  const rank = p * (total - 1);
  const k = Math.floor(rank);
  const at = valueAt(k);
  return rank === k ? at : at + (rank - k) * (valueAt(k + 1) - at);
}
