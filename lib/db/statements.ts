import "server-only";
import type { Db } from "./open";

/**
 * The OTP path's few fixed statements, sent straight to the driver: drizzle's query building and row mapping cost
 * more than PGlite's own execution of these statements (about 0.8 ms of 1.3 ms for the session read, measured with
 * `npm run bench`'s OTP path). On PostgreSQL each is a named prepared statement, parsed and planned once per
 * connection. Everything else goes through drizzle as usual.
 */
export type Statement = { name: string; text: string };

type PgliteClient = { query: (text: string, params: unknown[]) => Promise<{ rows: unknown[]; affectedRows?: number }> };
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
    const result = await client.query(text, params);
    return { rows: result.rows as Row[], count: result.affectedRows || result.rows.length };
  }
  const result = await client.query({ name, text, values: params });
  return { rows: result.rows as Row[], count: result.rowCount ?? result.rows.length };
}

// PGlite's client has `exec`; a node-postgres Pool has `connect` and `totalCount`.
function isPglite(client: PgliteClient | PoolClient): client is PgliteClient {
  return "exec" in client;
}
