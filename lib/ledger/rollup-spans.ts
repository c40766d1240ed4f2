import { and, eq, gte, lt, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { addIstDays } from "@/lib/ledger/india-time";

/**
 * Each rollup row covers a span: the fine one its family is kept at (an India day, or an hour), or a whole India
 * month. Every write counts a ledger row under both, so a range of months reads one row per month, not one per day.
 */
export type RollupSpan = "day" | "hour" | "month";

/** A range of India days, half open: `start` included, `end` not; either side unbounded when absent. */
type HalfOpen = { start?: string; end?: string };

const firstOfMonth = (day: string) => `${day.slice(0, 8)}01`;
function firstOfNextMonth(day: string): string {
  const at = new Date(`${firstOfMonth(day)}T00:00:00Z`);
  at.setUTCMonth(at.getUTCMonth() + 1);
  return at.toISOString().slice(0, 10);
}

/**
 * A range of India days (`from`, `to` inclusive) split for rollups with month rows: the whole months inside it (null
 * when there are none), and the days around them, which the fine rows answer.
 */
export function splitByMonths(range: { from?: string; to?: string }): { months: HalfOpen | null; days: HalfOpen[] } {
  const start = range.from;
  const end = range.to === undefined ? undefined : addIstDays(range.to, 1);
  const monthsStart = start === undefined ? undefined : start === firstOfMonth(start) ? start : firstOfNextMonth(start);
  const monthsEnd = end === undefined ? undefined : firstOfMonth(end);
  if (monthsStart !== undefined && monthsEnd !== undefined && monthsStart >= monthsEnd) return { months: null, days: [{ start, end }] };
  const days: HalfOpen[] = [];
  if (start !== undefined && monthsStart !== undefined && start < monthsStart) days.push({ start, end: monthsStart });
  if (end !== undefined && monthsEnd !== undefined && monthsEnd < end) days.push({ start: monthsEnd, end });
  return { months: { start: monthsStart, end: monthsEnd }, days };
}

type SpanColumns = { span: AnyColumn; key: AnyColumn; fine: Exclude<RollupSpan, "month"> };

/** The rows of one span whose key falls in a half-open range of days; `at` turns a day into the key's value. */
function within({ span, key }: SpanColumns, which: RollupSpan, range: HalfOpen, at: (day: string) => unknown): SQL | undefined {
  return and(eq(span, which), range.start ? gte(key, at(range.start)) : undefined, range.end ? lt(key, at(range.end)) : undefined);
}

/** The rollup rows that together count a range of days once: month rows for its whole months, fine rows for the rest. */
export function spanWhere(columns: SpanColumns, range: { from?: string; to?: string }, at: (day: string) => unknown): SQL {
  const { months, days } = splitByMonths(range);
  const parts = [months ? within(columns, "month", months, at) : undefined, ...days.map((d) => within(columns, columns.fine, d, at))];
  return or(...parts) ?? sql`false`;
}

/** Only the fine rows of a range of days: for a chart that draws the days or hours inside a month. */
export function fineWhere(columns: SpanColumns, range: { from?: string; to?: string }, at: (day: string) => unknown): SQL | undefined {
  return within(columns, columns.fine, { start: range.from, end: range.to === undefined ? undefined : addIstDays(range.to, 1) }, at);
}

/** The month a day (a date, in SQL) falls in, as its first day. */
export const monthOfDaySql = (day: SQL): SQL<string> => sql<string>`date_trunc('month', (${day})::timestamp)::date`;
