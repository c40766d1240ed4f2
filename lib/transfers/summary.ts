import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { ALL_AGENTS, transferRollups } from "@/lib/db/schema";
import { istMidnight, istTruncSql, newestDays } from "@/lib/ledger/india-time";
import { fineWhere, spanWhere } from "@/lib/ledger/rollup-spans";
import { LEDGER_SUMMARY_DAYS } from "@/lib/otp-requests/review-filters";
import { summarizeTransfersFromLedger } from "./ledger-summary";
import type { TransferFilters } from "./review-filters";
import { CHART_BUCKETS, chartUnit, NO_MONEY_STATES, totalsOf, type TransferSummary } from "./summary-chart";

/**
 * Totals and outcomes over time for the filtered transfers. From the rollups (days, agent, state), at a cost that
 * does not grow with the ledger; an amount range needs the transfers themselves, so it reads the ledger over at most
 * the newest LEDGER_SUMMARY_DAYS days of the range, and says so.
 */
export async function summarizeTransfers(db: Db, filters: TransferFilters, now = new Date()): Promise<TransferSummary> {
  if (filters.min === undefined && filters.max === undefined) return { ...(await summarizeRollups(db, filters)), source: { kind: "rollups" } };
  const { from, to, bounded } = newestDays(filters, LEDGER_SUMMARY_DAYS, now);
  const summary = await summarizeTransfersFromLedger(db, { ...filters, from, to });
  return { ...summary, source: { kind: "ledger", from, to, bounded } };
}

async function summarizeRollups(db: Db, filters: TransferFilters): Promise<Omit<TransferSummary, "source">> {
  const r = transferRollups;
  const keyed = and(eq(r.agent, filters.agent ?? ALL_AGENTS), filters.state ? eq(r.state, filters.state) : undefined);
  // Days start on India-time hours, so a day range is a range of whole rollup hours, or of months and hours.
  const columns = { span: r.span, key: r.hour, fine: "hour" } as const;
  const where = and(keyed, spanWhere(columns, filters, istMidnight));
  const unit = chartUnit(filters);
  // Bars of hours or days need the hour rows; bars of months read the month rows where a month is whole.
  const chartWhere = unit === "month" ? where : and(keyed, fineWhere(columns, filters, istMidnight));
  const bucket = istTruncSql(unit, r.hour);
  const [states, chart] = await Promise.all([
    db
      .select({
        state: r.state,
        count: sql<number>`sum(${r.transfers})::int`,
        amount: sql<string>`sum(${r.amount})::bigint`,
        fees: sql<string>`sum(${r.feePaise})::bigint`,
      })
      .from(r)
      .where(where)
      .groupBy(r.state),
    db
      .select({
        at: sql<string>`to_char(${bucket}, 'YYYY-MM-DD"T"HH24:MI:SS')`,
        success: sql<number>`coalesce(sum(${r.transfers}) filter (where ${r.state} = 'success'), 0)::int`,
        noMoney: sql<number>`coalesce(sum(${r.transfers}) filter (where ${inArray(r.state, [...NO_MONEY_STATES])}), 0)::int`,
        total: sql<number>`sum(${r.transfers})::int`,
      })
      .from(r)
      .where(chartWhere)
      .groupBy(bucket)
      // An hour whose transfers have all left the filtered state keeps its rows at zero: no bar for it.
      .having(sql`sum(${r.transfers}) > 0`)
      .orderBy(bucket)
      .limit(CHART_BUCKETS),
  ]);
  return totalsOf(states, unit, chart);
}
