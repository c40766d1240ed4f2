import { drizzle } from "drizzle-orm/node-postgres";
import type { Db } from "@/lib/db/open";
import * as schema from "@/lib/db/schema";

/** A statement the repository sent, with its parameters inlined as literals so it can be EXPLAINed. */
export type CapturedSql = { text: string; inlined: string };

function literal(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return `'${value.toISOString()}'::timestamptz`;
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * Runs repository code on the same connection through a drizzle instance that logs every statement, and returns the
 * SQL it sent: exactly what `listRequests`/`summarizeRequests` send, without having to reach into them.
 */
export async function captureSql(db: Db, run: (db: Db) => Promise<unknown>): Promise<CapturedSql[]> {
  const captured: CapturedSql[] = [];
  const logger = {
    logQuery(text: string, params: unknown[]) {
      captured.push({ text, inlined: text.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1])) });
    },
  };
  await run(drizzle({ client: db.$client, schema, logger }));
  return captured;
}

function planLines(result: unknown): string[] {
  const rows = typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows) ? result.rows : [];
  return rows.map((row: unknown) => (typeof row === "object" && row !== null ? String(Object.values(row)[0]) : String(row)));
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement `run` generates, executed on the real database. */
export async function explainAll(db: Db, run: (db: Db) => Promise<unknown>): Promise<string[]> {
  const out: string[] = [];
  for (const statement of await captureSql(db, run)) {
    out.push(`  SQL: ${statement.text.replace(/\s+/g, " ")}`);
    const result: unknown = await db.execute(`explain (analyze, buffers) ${statement.inlined}`);
    out.push(...planLines(result).map((line) => `    ${line}`));
  }
  return out;
}
