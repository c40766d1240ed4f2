import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type DbHandle } from "@/lib/db/open";
import { listRequests } from "@/lib/otp-requests/review-repository";
import { summarizeRequests } from "@/lib/otp-requests/review-summary";
import { type BenchCase, exportCase, firstPageCases, QUIET_DAYS, quietUnknownCase, summaryCase, wholeLedgerSummaryCase } from "./bench/cases";
import { explainAll } from "./bench/explain";
import { measureExport } from "./bench/export";
import { exportTable, latencyTable, missLines, type ExportLine, type LatencyLine } from "./bench/report";
import { describeSeed, quietPeriod, seedLedger } from "./bench/seed";
import { timeRuns } from "./bench/stats";

/**
 * `npm run bench:ledger`: seeds a synthetic ledger (BENCH_ROWS, default 1,000,000) into a throwaway embedded database
 * and, when TEST_DATABASE_URL or DATABASE_URL is set, into a throwaway schema on that server; times the review's first
 * page per filter, the one-day summary and a 100k-row CSV export, then the `unknown` first page again after a quiet spell
 * (no unknown rows in the last 10 days); prints the figures against the targets.
 * BENCH_EXPLAIN=1 also prints EXPLAIN (ANALYZE, BUFFERS) of every statement measured. Always exits 0.
 */
const TOTAL = Number(process.env.BENCH_ROWS ?? 1_000_000);
const EXPORT_ROWS = 100_000;
const EXPLAIN = process.env.BENCH_EXPLAIN === "1";
const TARGETS = { pglite: 100, postgres: 20, exportMb: 50 } as const;

const log = (line: string) => console.log(line);

async function benchDatabase(database: string, handle: DbHandle, targetMs: number): Promise<{ latency: LatencyLine[]; exports: ExportLine[] }> {
  const { db } = handle;
  const endMs = Date.now();
  log(`\n${database}: seeding ${TOTAL.toLocaleString("en-US")} rows`);
  const seeded = performance.now();
  await seedLedger(db, TOTAL, endMs, log);
  log(`  seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s: ${await describeSeed(db)}`);

  const latency: LatencyLine[] = [];
  const firstPage = async ({ name, query }: BenchCase) => {
    const timing = await timeRuns(() => listRequests(db, query, { limit: 50 }), { warmups: 5, runs: 50 });
    latency.push({ database, name: `first page, ${name}`, timing, targetMs });
    log(`  first page, ${name}: p50 ${timing.p50.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms`);
    if (EXPLAIN) log((await explainAll(db, (d) => listRequests(d, query, { limit: 50 }))).join("\n"));
  };
  for (const benchCase of firstPageCases(endMs)) await firstPage(benchCase);

  const summaryLines: LatencyLine[] = [];
  for (const [summary, runs] of [
    [summaryCase(endMs), 10],
    [wholeLedgerSummaryCase(endMs), 3],
  ] as const) {
    const timing = await timeRuns(() => summarizeRequests(db, summary.query), { warmups: 1, runs });
    summaryLines.push({ database, name: summary.name, timing });
    log(`  ${summary.name}: p50 ${timing.p50.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms`);
    if (EXPLAIN) log((await explainAll(db, (d) => summarizeRequests(d, summary.query))).join("\n"));
  }

  // Twice: the first run also pays one-off warm-up (JIT, V8 young generation, driver buffers); the repeat shows whether
  // memory grows with the rows streamed.
  const exported = exportCase(endMs, TOTAL, EXPORT_ROWS);
  const exports: ExportLine[] = [];
  for (const run of ["first run", "repeat"]) {
    const result = await measureExport(db, exported.query, EXPORT_ROWS);
    exports.push({ database, name: `${exported.name} (${run})`, result, targetMb: TARGETS.exportMb });
    log(`  ${exported.name} (${run}): ${result.rows.toLocaleString("en-US")} rows in ${result.seconds.toFixed(2)} s`);
  }

  const resolved = await quietPeriod(db, endMs, QUIET_DAYS);
  log(`  quiet period: ${resolved.toLocaleString("en-US")} unknown/pending rows of the last ${QUIET_DAYS} days resolved as sent`);
  await firstPage(quietUnknownCase(endMs));
  return { latency: [...latency, ...summaryLines], exports };
}

async function benchPglite() {
  const dir = mkdtempSync(path.join(tmpdir(), "ld-bench-"));
  try {
    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      await handle.migrate();
      return await benchDatabase("PGlite", handle, TARGETS.pglite);
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(url: string) {
  const schemaName = `ld_bench_${randomBytes(6).toString("hex")}`;
  const handle = await openDatabase({ kind: "postgres", url }, { schemaName });
  try {
    await handle.migrate();
    return await benchDatabase("PostgreSQL", handle, TARGETS.postgres);
  } finally {
    await handle.db.execute(`drop schema if exists "${schemaName}" cascade`).catch((error: unknown) => {
      console.error(`Could not drop schema ${schemaName}: ${error instanceof Error ? error.message : String(error)}`);
    });
    await handle.close();
  }
}

async function main() {
  if (!Number.isInteger(TOTAL) || TOTAL < 1_000) throw new Error("BENCH_ROWS must be a whole number of at least 1000");
  const url = process.env.TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim();
  const started = performance.now();
  const runs = [await benchPglite()];
  if (url) runs.push(await benchPostgres(url));
  else log("\nPostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL to measure it too.");

  const latency = runs.flatMap((r) => r.latency);
  const exports = runs.flatMap((r) => r.exports);
  log(`\nLedger benchmark: ${TOTAL.toLocaleString("en-US")} rows, first page = listRequests(limit 50), 5 warm-ups then 50 runs`);
  log(`(summary: 2 warm-ups then 10 runs), total ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  log(latencyTable(latency));
  log("");
  log(exportTable(exports));
  const misses = missLines(latency, exports);
  log(misses.length === 0 ? "\nAll targets met." : `\n${misses.join("\n")}`);
  // `npm run bench` takes the figures from here.
  if (process.env.BENCH_LEDGER_JSON) writeFileSync(process.env.BENCH_LEDGER_JSON, JSON.stringify({ rows: TOTAL, latency, exports, misses }, null, 2));
}

main()
  .catch((error: unknown) => {
    console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  })
  .finally(() => {
    process.exitCode = 0;
  });
