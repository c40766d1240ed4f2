import { sql, type SQL } from "drizzle-orm";

/** The desk's calendar: India time, whose days the review filters by. India keeps no daylight saving: +05:30 always. */
export const INDIA_TIME_ZONE = "Asia/Kolkata";
const IST_OFFSET_MS = 5.5 * 3_600_000;
const DAY_MS = 86_400_000;

const zone = sql.raw(`'${INDIA_TIME_ZONE}'`);

/** The India-time calendar day of an instant column or value, in SQL. */
export const istDaySql = (instant: unknown): SQL<string> => sql<string>`(${instant} at time zone ${zone})::date`;

/**
 * The India-time wall clock of an instant cut to its hour or day (a timestamp without zone), in SQL. The unit is
 * written into the SQL, not bound: a GROUP BY must see the very expression its SELECT uses.
 */
export const istTruncSql = (unit: "hour" | "day" | "month", instant: unknown): SQL<string> =>
  sql<string>`date_trunc('${sql.raw(unit)}', ${instant} at time zone ${zone})`;

/** The instant the India-time hour (or month) of an instant starts (India is 5:30 ahead, so at half past a UTC hour). */
export const istStartSql = (unit: "hour" | "month", instant: unknown): SQL<Date> => sql<Date>`(${istTruncSql(unit, instant)} at time zone ${zone})`;

/** The India-time calendar day (YYYY-MM-DD) of an instant. */
export function istDayOf(instant: Date): string {
  return new Date(instant.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant an India-time calendar day (YYYY-MM-DD) begins: 00:00 IST, 18:30 UTC the day before. */
export function istMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+05:30`);
}

/** The India-time calendar day `days` after (or, negative, before) `day`. */
export function addIstDays(day: string, days: number): string {
  return istDayOf(new Date(istMidnight(day).getTime() + days * DAY_MS));
}

/** The newest `days` India days of a day range, up to today when it has no end; `bounded` when that is less than the range. */
export function newestDays(range: { from?: string; to?: string }, days: number, now: Date): { from: string; to: string; bounded: boolean } {
  const to = range.to ?? istDayOf(now);
  const earliest = addIstDays(to, -(days - 1));
  const from = range.from && range.from > earliest ? range.from : earliest;
  return { from, to, bounded: from !== range.from };
}
