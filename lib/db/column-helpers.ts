import { sql } from "drizzle-orm";
import { timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";

/** Millisecond precision, so a JavaScript Date round-trips exactly (keyset cursors). */
export const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

/** The CHECK that keeps a text column to the values its TypeScript list names, so the list is written once. */
export const oneOf = (column: AnyPgColumn, values: readonly string[]) => sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;
export const noneOf = (column: AnyPgColumn, values: readonly string[]) => sql`not ${oneOf(column, values)}`;
