import { sql, type SQL } from "drizzle-orm";

/** The desk's calendar: India time, whose days the review filters by. India keeps no daylight saving: +05:30 always. */
export const INDIA_TIME_ZONE = "Asia/Kolkata";
const IST_OFFSET_MS = 5.5 * 3_600_000;
const DAY_MS = 86_400_000;

/** The India-time calendar day of an instant column or value, in SQL. */
export const istDaySql = (instant: unknown): SQL<string> => sql<string>`(${instant} at time zone ${sql.raw(`'${INDIA_TIME_ZONE}'`)})::date`;

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
