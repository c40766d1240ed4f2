import { sql, type SQL } from "drizzle-orm";

/** The desk's calendar: India time, whose days the review filters by. */
export const INDIA_TIME_ZONE = "Asia/Kolkata";

/** The India-time calendar day of an instant column or value, in SQL. */
export const istDaySql = (instant: unknown): SQL<string> => sql<string>`(${instant} at time zone ${sql.raw(`'${INDIA_TIME_ZONE}'`)})::date`;
