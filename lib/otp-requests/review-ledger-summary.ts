import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { otpRequests } from "@/lib/db/schema";
import { MASK } from "@/lib/privacy/mask";
import type { ReviewSummary } from "./review-filters";
import { effectiveState, where, type ReviewQuery } from "./review-repository";
import { FLAG_THRESHOLD, FLAG_WINDOW_MINUTES, NO_MESSAGE } from "./rollups";

const t = otpRequests;

const FLAG_WINDOW = sql.raw(`interval '${FLAG_WINDOW_MINUTES} minutes'`);

/**
 * The summary read from the ledger itself, for the filters the rollups cannot answer (an exact mobile, an amount
 * range): count, share sent, latency percentiles, top rejections and flagged customers over the matching rows.
 */
export async function summarizeLedger(db: Db, query: ReviewQuery): Promise<Omit<ReviewSummary, "source" | "version">> {
  const condition = where(query);
  const state = effectiveState(query.staleBefore);
  const [totals] = await db
    .select({
      count: sql<number>`count(*)::int`,
      sent: sql<number>`(count(*) filter (where ${state} = 'sent'))::int`,
      p50: sql<number | null>`percentile_cont(0.5) within group (order by ${t.latencyMs})`,
      p95: sql<number | null>`percentile_cont(0.95) within group (order by ${t.latencyMs})`,
    })
    .from(t)
    .where(condition);

  const topRejections = await db
    .select({ message: sql<string>`coalesce(${t.ekoMessage}, ${NO_MESSAGE})`, status: t.ekoStatus, count: sql<number>`count(*)::int` })
    .from(t)
    .where(and(condition, eq(t.state, "rejected")))
    .groupBy(sql`1`, t.ekoStatus)
    .orderBy(sql`3 desc`)
    .limit(5);

  const windowed = db
    .select({
      hash: t.customerMobileHash,
      last4: t.customerMobileLast4,
      createdAt: t.createdAt,
      inWindow:
        sql<number>`count(*) over (partition by ${t.customerMobileHash} order by ${t.createdAt} range between ${FLAG_WINDOW} preceding and current row)`.as(
          "in_window",
        ),
    })
    .from(t)
    .where(condition)
    .as("windowed");
  const flagged = await db
    .select({
      last4: sql<string>`max(${windowed.last4})`,
      requests: sql<number>`max(${windowed.inWindow})::int`,
      lastAt: sql<Date>`max(${windowed.createdAt})`,
    })
    .from(windowed)
    .where(sql`${windowed.inWindow} >= ${FLAG_THRESHOLD}`)
    .groupBy(windowed.hash)
    .orderBy(sql`2 desc`, sql`3 desc`)
    .limit(20);

  const round = (value: number | null | undefined) => (value == null ? null : Math.round(Number(value)));
  return {
    count: totals?.count ?? 0,
    sent: totals?.sent ?? 0,
    p50LatencyMs: round(totals?.p50),
    p95LatencyMs: round(totals?.p95),
    topRejections,
    flaggedCustomers: flagged.map((f) => ({
      customerMobileMasked: `${MASK}${f.last4}`,
      requests: f.requests,
      lastAt: new Date(f.lastAt).toISOString(),
    })),
  };
}
