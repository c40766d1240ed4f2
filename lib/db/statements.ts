import "server-only";
import type { Db } from "./open";

/**
 * The OTP path's few fixed statements, sent straight to the driver: drizzle's query building and row mapping cost
 * more than PGlite's own execution of them (the session read took 1.3 ms through drizzle and 0.4 ms straight, in a
 * loop on this project's 2-core host). Each is prepared once under its name: on PGlite's thread, then bound and run
 * in one message to Postgres; on PostgreSQL, a named prepared statement per connection. Everything else goes through
 * drizzle as usual.
 */
export type Statement = { name: string; text: string };

type PgliteClient = { statement: (name: string, text: string, params: unknown[]) => Promise<{ rows: unknown[]; affectedRows?: number }> };
type PoolClient = {
  query: (config: { name: string; text: string; values: unknown[] }) => Promise<{ rows: unknown[]; rowCount: number | null }>;
};

export function statement(name: string, text: string): Statement {
  return { name: `desk_${name}`, text };
}

/** Rows as the driver returns them (timestamptz as Date, jsonb parsed), and how many rows the statement touched. */
export async function run<Row>(db: Db, { name, text }: Statement, params: unknown[]): Promise<{ rows: Row[]; count: number }> {
  const client = (db as unknown as { $client?: PgliteClient | PoolClient }).$client;
  if (!client) throw new Error(`Statement ${name} needs the database itself, not a transaction`);
  if (isPglite(client)) {
    const result = await client.statement(name, text, params);
    return { rows: result.rows as Row[], count: result.affectedRows || result.rows.length };
  }
  const result = await client.query({ name, text, values: params });
  return { rows: result.rows as Row[], count: result.rowCount ?? result.rows.length };
}

// The embedded database's thread (lib/db/pglite-thread.ts) takes statements by name; a node-postgres Pool does not.
function isPglite(client: PgliteClient | PoolClient): client is PgliteClient {
  return "statement" in client;
}
