import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type DbHandle } from "@/lib/db/open";
import { ledgerTargets, parseLedgerOptions, PGLITE_MAX_ROWS, type LedgerDatabase } from "./bench/ledger-options";
import { benchDatabase, EXPORT_ROWS, type DatabaseRun } from "./bench/ledger-run";
import { exportTable, latencyTable, missLines, seedingTable } from "./bench/report";

/**
 * `npm run bench:ledger [-- --rows N --days D --only pglite,postgres --explain]`: seeds a synthetic ledger (default
 * 1,000,000 OTP requests over 40 days, with their transfers) into a throw-away embedded database (at most
 * PGLITE_MAX_ROWS) and, when TEST_DATABASE_URL or DATABASE_URL is set, into a throw-away schema on that server; times
 * the review's first page per filter, the summaries and a CSV export, then the `unknown` first page after a quiet
 * spell; prints the figures against the budgets of issue #22. Always exits 0: a missed budget is marked MISS.
 */
const options = parseLedgerOptions(process.argv.slice(2), process.env);
const log = (line: string) => console.log(line);

async function bench(database: LedgerDatabase, handle: DbHandle, rows: number): Promise<DatabaseRun> {
  const shape = { total: rows, days: options.days, endMs: Date.now() };
  const name = database === "pglite" ? "PGlite" : "PostgreSQL";
  return benchDatabase(name, handle, { shape, targets: ledgerTargets(database, rows), explain: options.explain, log });
}

async function benchPglite(rows: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "ld-bench-"));
  try {
    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      await handle.migrate();
      return await bench("pglite", handle, rows);
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(url: string, rows: number) {
  const schemaName = `ld_bench_${randomBytes(6).toString("hex")}`;
  const handle = await openDatabase({ kind: "postgres", url }, { schemaName });
  try {
    await handle.migrate();
    return await bench("postgres", handle, rows);
  } finally {
    await handle.db.execute(`drop schema if exists "${schemaName}" cascade`).catch((error: unknown) => {
      console.error(`Could not drop schema ${schemaName}: ${error instanceof Error ? error.message : String(error)}`);
    });
    await handle.close();
  }
}

async function main() {
  const url = process.env.TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim();
  const started = performance.now();
  const rowsOn = { pglite: Math.min(options.rows, PGLITE_MAX_ROWS), postgres: options.rows };
  const runs: DatabaseRun[] = [];
  if (options.only.includes("pglite")) {
    if (rowsOn.pglite < options.rows)
      log(
        `PGlite: capped at ${rowsOn.pglite.toLocaleString("en-US")} rows (the embedded case); PostgreSQL takes all ${options.rows.toLocaleString("en-US")}.`,
      );
    runs.push(await benchPglite(rowsOn.pglite));
  }
  if (options.only.includes("postgres")) {
    if (url) runs.push(await benchPostgres(url, rowsOn.postgres));
    else log("\nPostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL to measure it too.");
  }

  const latency = runs.flatMap((r) => r.latency);
  const exports = runs.flatMap((r) => r.exports);
  const seeding = runs.map((r) => r.seeding);
  log(
    `\nLedger benchmark: ${options.rows.toLocaleString("en-US")} rows over ${options.days} days, total ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  log("first page = listRequests(limit 50), 5 warm-ups then up to 50 runs; summaries 2 warm-ups then up to 20 runs (each case capped in time)\n");
  log(seedingTable(seeding));
  for (const group of [...new Set(latency.map((l) => l.group))]) {
    log(`\n${group ?? "other"}:`);
    log(latencyTable(latency.filter((l) => l.group === group)));
  }
  log(`\nCSV export (at most ${EXPORT_ROWS.toLocaleString("en-US")} rows):`);
  log(exportTable(exports));
  const misses = missLines(latency, exports);
  log(misses.length === 0 ? "\nAll targets met." : `\n${misses.join("\n")}`);
  // `npm run bench` takes the figures from here.
  if (process.env.BENCH_LEDGER_JSON)
    writeFileSync(
      process.env.BENCH_LEDGER_JSON,
      JSON.stringify({ rows: options.rows, days: options.days, rowsOn, seeding, latency, exports, misses }, null, 2),
    );
}

main()
  .catch((error: unknown) => {
    console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  })
  .finally(() => {
    process.exitCode = 0;
  });
