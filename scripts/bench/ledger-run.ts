import type { DbHandle } from "@/lib/db/open";
import { listRequests } from "@/lib/otp-requests/review-repository";
import { exportCase, firstPageCases, type LedgerShape, QUIET_DAYS, quietUnknownCase, sourceOf, summaryCases, type BenchCase } from "./cases";
import { explainAll } from "./explain";
import { measureExport } from "./export";
import type { ledgerTargets } from "./ledger-options";
import type { ExportLine, LatencyLine } from "./report";
import { describeSeed, quietPeriod, seedLedger, type SeedTiming } from "./seed";
import { timeRuns } from "./stats";

/** At most this many rows are exported: the budget's million, or the whole ledger when it is smaller. */
export const EXPORT_ROWS = 1_000_000;
/** How long one case may take, warm-ups included, before it reports the runs it has. */
const FIRST_PAGE_RUNS = { warmups: 5, runs: 50, maxSeconds: 10 };
// The call that reads which source a summary came from is its first warm-up.
const SUMMARY_RUNS = { warmups: 1, runs: 20, maxSeconds: 15 };

export type DatabaseRun = { seeding: SeedTiming & { database: string }; latency: LatencyLine[]; exports: ExportLine[] };
type Options = { shape: LedgerShape; targets: ReturnType<typeof ledgerTargets>; explain: boolean; log: (line: string) => void };

const fmt = (n: number) => n.toLocaleString("en-US");

/**
 * Seeds one database and measures, in order: the first page per filter, each summary case, the CSV export (twice: the
 * first run also pays one-off warm-up, the repeat shows whether memory grows with the rows streamed) and, last because
 * it rewrites recent rows, the `unknown` first page after a quiet spell.
 */
export async function benchDatabase(database: string, { db }: DbHandle, { shape, targets, explain, log }: Options): Promise<DatabaseRun> {
  log(`\n${database}: seeding ${fmt(shape.total)} rows over ${shape.days} days`);
  const seeded = performance.now();
  const seeding = { database, ...(await seedLedger(db, shape.total, shape.endMs, log, { days: shape.days })) };
  log(`  seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s: ${await describeSeed(db)}`);

  const latency: LatencyLine[] = [];
  const firstPage = async ({ name, query }: BenchCase) => {
    const timing = await timeRuns(() => listRequests(db, query, { limit: 50 }), FIRST_PAGE_RUNS);
    latency.push({ database, group: "first page", name: `first page, ${name}`, timing, targetMs: targets.firstPageMs });
    log(`  first page, ${name}: p50 ${timing.p50.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms`);
    if (explain) log((await explainAll(db, (d) => listRequests(d, query, { limit: 50 }))).join("\n"));
  };
  for (const benchCase of firstPageCases(shape)) await firstPage(benchCase);

  for (const summary of summaryCases(shape)) {
    const source = sourceOf(await summary.run(db));
    const timing = await timeRuns(() => summary.run(db), SUMMARY_RUNS);
    const group = source === "rollups" ? "summary" : "summary, ledger fallback";
    latency.push({ database, group, name: summary.name, timing, targetMs: targets.summaryMs });
    log(`  ${summary.name} (${source}): p50 ${timing.p50.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms over ${timing.runs} runs`);
    if (explain) log((await explainAll(db, summary.run)).join("\n"));
  }

  const rows = Math.min(EXPORT_ROWS, shape.total);
  const exported = exportCase(shape, rows);
  const exports: ExportLine[] = [];
  for (const run of ["first run", "repeat"]) {
    const result = await measureExport(db, exported.query, rows);
    exports.push({ database, name: `${exported.name} (${run})`, result, targetMb: targets.exportMb });
    log(`  ${exported.name} (${run}): ${fmt(result.rows)} rows in ${result.seconds.toFixed(2)} s`);
  }

  const resolved = await quietPeriod(db, shape.endMs, QUIET_DAYS);
  log(`  quiet period: ${fmt(resolved)} unknown/pending rows of the last ${QUIET_DAYS} days resolved as sent`);
  await firstPage(quietUnknownCase(shape.endMs));
  return { seeding, latency, exports };
}
