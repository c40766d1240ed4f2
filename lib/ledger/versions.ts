import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** A table's latest time of writing (epoch ms, 0 when empty), read through the index on `column`. */
export const lastWrittenSql = (column: AnyColumn, table: unknown): SQL<string> =>
  sql<string>`(select coalesce(floor(extract(epoch from max(${column})) * 1000), 0)::bigint::text from ${table})`;

/** A table's newest id (0 when empty), read from its primary key. */
export const newestIdSql = (column: AnyColumn, table: unknown): SQL<string> => sql<string>`(select coalesce(max(${column}), 0)::text from ${table})`;

/** Counters joined into a version, in base 36: short, and never a run of digits that could be taken for a mobile. */
export const versionOf = (parts: (string | number | null | undefined)[]): string => parts.map((n) => Number(n ?? 0).toString(36)).join(".");
