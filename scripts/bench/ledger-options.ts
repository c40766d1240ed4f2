import { parseArgs } from "node:util";

/** The embedded database's case: its one connection and WebAssembly memory are sized for a single shop's ledger. */
export const PGLITE_MAX_ROWS = 1_000_000;
export const DEFAULT_ROWS = 1_000_000;
/** The seed's density unless --days says otherwise: a busy network's 25,000 requests a day (1M rows: 40 days; 10M: 400). */
export const ROWS_PER_DAY = 25_000;
export const defaultDays = (rows: number) => Math.max(2, Math.ceil(rows / ROWS_PER_DAY));

export type LedgerDatabase = "pglite" | "postgres";
export type LedgerOptions = { rows: number; days: number; only: LedgerDatabase[]; explain: boolean };

function wholeNumber(name: string, text: string, min: number): number {
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${text}"`);
  return value;
}

/**
 * `npm run bench:ledger -- --rows 10000000 --days 40 --only postgres`. BENCH_ROWS and BENCH_EXPLAIN=1 still work
 * (`npm run bench` and older notes use them); a flag wins over the variable.
 */
export function parseLedgerOptions(argv: string[], env: Record<string, string | undefined>): LedgerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: "string" },
      days: { type: "string" },
      only: { type: "string" },
      explain: { type: "boolean", default: false },
    },
    strict: true,
  });
  const only = (values.only ?? "pglite,postgres").split(",").map((part) => part.trim());
  for (const part of only) if (part !== "pglite" && part !== "postgres") throw new Error(`--only takes pglite and/or postgres, not "${part}"`);
  const rows = wholeNumber("--rows (or BENCH_ROWS)", values.rows ?? env.BENCH_ROWS ?? String(DEFAULT_ROWS), 1_000);
  return {
    rows,
    days: wholeNumber("--days", values.days ?? String(defaultDays(rows)), 2),
    only: only as LedgerDatabase[],
    explain: values.explain || env.BENCH_EXPLAIN === "1",
  };
}

/** The budgets of issue #22 for a ledger of `rows` rows on `database`. */
export function ledgerTargets(database: LedgerDatabase, rows: number): { firstPageMs: number; summaryMs: number; exportMb: number } {
  if (database === "pglite") return { firstPageMs: 100, summaryMs: 100, exportMb: 50 };
  return { firstPageMs: 20, summaryMs: rows <= 1_000_000 ? 50 : 100, exportMb: 50 };
}
