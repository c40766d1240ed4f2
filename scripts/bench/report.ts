import type { ExportResult } from "./export";
import type { SeedTiming } from "./seed";
import type { Timing } from "./stats";

export type Verdict = "PASS" | "MISS" | "info";
/** `group` sets lines measured against one budget apart (first page, summary, the summary's ledger fallback). */
export type LatencyLine = { database: string; group?: string; name: string; timing: Timing; targetMs?: number };
export type ExportLine = { database: string; name: string; result: ExportResult; targetMb: number };

const ms = (value: number) => value.toFixed(2);
const mb = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(1)} MB`;

function verdict(ok: boolean | undefined): Verdict {
  return ok === undefined ? "info" : ok ? "PASS" : "MISS";
}

export function latencyVerdict(line: LatencyLine): Verdict {
  return verdict(line.targetMs === undefined ? undefined : line.timing.p95 <= line.targetMs);
}

/** Both the resident set (which includes the embedded database's WebAssembly memory) and the V8 heap must stay within it. */
export function exportVerdict(line: ExportLine): Verdict {
  return verdict(Math.max(line.result.rssMb, line.result.heapMb) <= line.targetMb);
}

/** Columns `numericFrom` up to `numericTo` (by default all but the target and result) are right-aligned. */
export function table(headers: string[], rows: string[][], numericFrom: number, numericTo = headers.length - 2): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const cell = (text: string, i: number) => (i >= numericFrom && i < numericTo ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0));
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

export function latencyTable(lines: LatencyLine[]): string {
  return table(
    ["Database", "Measurement", "Runs", "p50 ms", "p95 ms", "max ms", "Target", "Result"],
    lines.map((l) => [
      l.database,
      l.name,
      String(l.timing.runs),
      ms(l.timing.p50),
      ms(l.timing.p95),
      ms(l.timing.max),
      l.targetMs === undefined ? "—" : `p95 ≤ ${l.targetMs} ms`,
      latencyVerdict(l),
    ]),
    2,
  );
}

/** What seeding each database took, in seconds; the rollups' rebuild is what an upgrade onto them costs. */
export function seedingTable(lines: (SeedTiming & { database: string })[]): string {
  return table(
    ["Database", "OTP rows", "Transfers", "Insert s", "Indexes s", "Rollups rebuild s", "Rollup rows", "Vacuum analyze s"],
    lines.map((l) => [
      l.database,
      l.rows.toLocaleString("en-US"),
      l.transfers.toLocaleString("en-US"),
      l.insert.toFixed(1),
      l.indexes.toFixed(1),
      l.rollups.toFixed(1),
      l.rollupRows.toLocaleString("en-US"),
      l.analyze.toFixed(1),
    ]),
    1,
    8,
  );
}

export function exportTable(lines: ExportLine[]): string {
  return table(
    ["Database", "Measurement", "Rows", "Seconds", "Rows/s", "CSV MB", "RSS growth", "Heap growth", "Target", "Result"],
    lines.map((l) => [
      l.database,
      l.name,
      l.result.rows.toLocaleString("en-US"),
      l.result.seconds.toFixed(2),
      Math.round(l.result.rowsPerSecond).toLocaleString("en-US"),
      (l.result.bytes / 1024 / 1024).toFixed(1),
      mb(l.result.rssMb),
      mb(l.result.heapMb),
      `growth ≤ ${l.targetMb} MB`,
      exportVerdict(l),
    ]),
    2,
  );
}

/** One line per missed target, for the end of the output. */
export function missLines(latency: LatencyLine[], exports: ExportLine[]): string[] {
  return [
    ...latency.filter((l) => latencyVerdict(l) === "MISS").map((l) => `MISS  ${l.database}: ${l.name} p95 ${ms(l.timing.p95)} ms > ${l.targetMs} ms`),
    ...exports
      .filter((l) => exportVerdict(l) === "MISS")
      .map((l) => `MISS  ${l.database}: ${l.name} memory growth RSS ${mb(l.result.rssMb)}, heap ${mb(l.result.heapMb)} > ${l.targetMb} MB`),
  ];
}
