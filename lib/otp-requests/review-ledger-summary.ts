import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { otpRequests } from "@/lib/db/schema";
import { MASK } from "@/lib/privacy/mask";
import type { ReviewSummary } from "./review-filters";
import { effectiveState, where, type ReviewQuery } from "./review-repository";
import { FLAG_THRESHOLD, FLAG_WINDOW_MINUTES, NO_MESSAGE } from "./rollups";

const t = otpRequests;

const FLAG_WINDOW = sql.raw(`interval '${FLAG_WINDOW_MINUTES} minutes'`);

type Rejection = { message: string; status: number | null; count: number };
type Flagged = { last4: string; requests: number; lastAt: string };

/**
 * The summary read from the ledger itself, for the filters the rollups cannot answer (an exact mobile, an amount
 * range): count, share sent, latency percentiles, top rejections and flagged customers over the matching rows. One
 * statement: the matching rows are read once, and every figure is counted from them.
 */
export async function summarizeLedger(db: Db, query: ReviewQuery): Promise<Omit<ReviewSummary, "source" | "version">> {
  const picked = db.$with("picked").as(
    db
      .select({
        state: sql<string>`${effectiveState(query.staleBefore)}`.as("state"),
        stored: sql<string>`${t.state}`.as("stored"),
        latency: sql<number | null>`${t.latencyMs}`.as("latency"),
        status: sql<number | null>`${t.ekoStatus}`.as("status"),
        message: sql<string>`coalesce(${t.ekoMessage}, ${NO_MESSAGE})`.as("message"),
        hash: sql<string>`${t.customerMobileHash}`.as("hash"),
        last4: sql<string>`${t.customerMobileLast4}`.as("last4"),
        at: sql<Date>`${t.createdAt}`.as("at"),
      })
      .from(t)
      .where(where(query)),
  );
  const rejections = sql`select message, status, count(*)::int as count from picked where stored = 'rejected'
    group by 1, 2 order by 3 desc, 1 limit 5`;
  // Hashes are hex: sorting them byte by byte ("C") is right, and much cheaper than the database's language rules.
  const windows = sql`select hash, last4, at,
    count(*) over (partition by hash collate "C" order by at range between ${FLAG_WINDOW} preceding and current row) as in_window from picked`;
  const flagged = sql`select max(last4) as last4, max(in_window)::int as requests, max(at) as "lastAt" from (${windows}) w
    where in_window >= ${FLAG_THRESHOLD} group by hash order by 2 desc, 3 desc limit 20`;
  const [row] = await db
    .with(picked)
    .select({
      count: sql<number>`(select count(*) from picked)::int`,
      sent: sql<number>`(select count(*) from picked where state = 'sent')::int`,
      p50: sql<number | null>`(select percentile_cont(0.5) within group (order by latency) from picked)`,
      p95: sql<number | null>`(select percentile_cont(0.95) within group (order by latency) from picked)`,
      rejections: sql<Rejection[]>`(select coalesce(json_agg(r order by r.count desc, r.message), '[]'::json) from (${rejections}) r)`,
      flagged: sql<Flagged[]>`(select coalesce(json_agg(f order by f.requests desc, f."lastAt" desc), '[]'::json) from (${flagged}) f)`,
    })
    .from(sql`(select 1) one`);

  const round = (value: number | null | undefined) => (value == null ? null : Math.round(Number(value)));
  return {
    count: row?.count ?? 0,
    sent: row?.sent ?? 0,
    p50LatencyMs: round(row?.p50),
    p95LatencyMs: round(row?.p95),
    topRejections: row?.rejections ?? [],
    flaggedCustomers: (row?.flagged ?? []).map((f) => ({
      customerMobileMasked: `${MASK}${f.last4}`,
      requests: f.requests,
      lastAt: new Date(f.lastAt).toISOString(),
    })),
  };
}
