import "server-only";
import { and, eq, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { transfers } from "@/lib/db/schema";
import { istTruncSql } from "@/lib/ledger/india-time";
import { dayRange } from "@/lib/otp-requests/review-filters";
import type { TransferFilters } from "./review-filters";
import { CHART_BUCKETS, chartUnit, NO_MONEY_STATES, totalsOf, type TransferSummary } from "./summary-chart";

/** The review's filters over the transfers themselves: the table's page, the CSV, and a summary the rollups cannot give. */
export function transferWhere(filters: TransferFilters): SQL | undefined {
  const { start, end } = dayRange(filters);
  return and(
    filters.state ? eq(transfers.state, filters.state) : undefined,
    filters.agent ? eq(transfers.agent, filters.agent) : undefined,
    start ? gte(transfers.createdAt, start) : undefined,
    end ? lt(transfers.createdAt, end) : undefined,
    filters.min !== undefined ? gte(transfers.amount, filters.min) : undefined,
    filters.max !== undefined ? lte(transfers.amount, filters.max) : undefined,
  );
}

/** Totals and outcomes over time counted from the transfers row by row: a scan, so the caller bounds its range. */
export async function summarizeTransfersFromLedger(db: Db, filters: TransferFilters): Promise<Omit<TransferSummary, "source">> {
  const unit = chartUnit(filters);
  const bucket = istTruncSql(unit, transfers.createdAt);
  const [states, chart] = await Promise.all([
    db
      .select({
        state: transfers.state,
        count: sql<number>`count(*)::int`,
        amount: sql<number>`coalesce(sum(${transfers.amount}), 0)::bigint`,
        fees: sql<number>`coalesce(sum(${transfers.feePaise}), 0)::bigint`,
      })
      .from(transfers)
      .where(transferWhere(filters))
      .groupBy(transfers.state),
    db
      .select({
        at: sql<string>`to_char(${bucket}, 'YYYY-MM-DD"T"HH24:MI:SS')`,
        success: sql<number>`count(*) filter (where ${transfers.state} = 'success')::int`,
        noMoney: sql<number>`count(*) filter (where ${inArray(transfers.state, [...NO_MONEY_STATES])})::int`,
        total: sql<number>`count(*)::int`,
      })
      .from(transfers)
      .where(transferWhere(filters))
      .groupBy(bucket)
      .orderBy(bucket)
      .limit(CHART_BUCKETS),
  ]);
  return totalsOf(states, unit, chart);
}
