import { MONEY_NOT_MOVED, type TransferState } from "@/lib/db/schema-states";
import { dayRange, type ReviewSummary } from "@/lib/otp-requests/review-filters";
import type { TransferFilters } from "./review-filters";

export type ChartBucket = { at: string; success: number; noMoney: number; open: number };
export type TransferSummary = {
  count: number;
  success: number;
  /** Rupees moved by successful transfers, and Eko's fees on them. */
  amount: number;
  fees: number;
  unit: "hour" | "day" | "month";
  chart: ChartBucket[];
  /** The rollups, or (for an amount range, which they cannot answer) the ledger over these India days, as the OTP review says. */
  source: ReviewSummary["source"];
};

/** In the chart, a transfer that moved no money or gave it back; anything neither this nor `success` is still open. */
export const NO_MONEY_STATES: readonly TransferState[] = [...MONEY_NOT_MOVED, "failed", "refunded"];
/** The most bars the chart draws: two months of days. */
export const CHART_BUCKETS = 62;
const CHART_DAYS_BY_HOUR = 2;

/** Per hour over a day or two, per day up to as many days as the chart has bars, per month beyond. */
export function chartUnit(filters: Pick<TransferFilters, "from" | "to">): TransferSummary["unit"] {
  const { start, end } = dayRange(filters);
  const spanDays = start && end ? (end.getTime() - start.getTime()) / 86_400_000 : Infinity;
  return spanDays <= CHART_DAYS_BY_HOUR ? "hour" : spanDays <= CHART_BUCKETS ? "day" : "month";
}

type ChartRow = { at: string; success: number; noMoney: number; total: number };

/** A chart bar from its India-time wall clock and counts. */
const chartBucketOf = (b: ChartRow): ChartBucket => ({
  at: `${b.at}+05:30`,
  success: b.success,
  noMoney: b.noMoney,
  open: b.total - b.success - b.noMoney,
});

type StateTotals = { state: string; count: number; amount: number | string | null; fees: number | string | null };

/** The summary from its per-state totals (fees in paise) and chart rows, however they were counted. */
export function totalsOf(states: StateTotals[], unit: TransferSummary["unit"], chart: ChartRow[]): Omit<TransferSummary, "source"> {
  const success = states.find((s) => s.state === "success");
  return {
    count: states.reduce((sum, s) => sum + s.count, 0),
    success: success?.count ?? 0,
    amount: Number(success?.amount ?? 0),
    fees: Number(success?.fees ?? 0) / 100,
    unit,
    chart: chart.map(chartBucketOf),
  };
}
