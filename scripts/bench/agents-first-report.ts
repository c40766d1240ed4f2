import type { AgentsFirstRun } from "./agents-first";
import type { BudgetLine } from "./otp-report";
import { table } from "./report";

/** Issue #22: the agents' p99 while supervisors poll stays within this factor of their p99 alone. */
export const AGENTS_FIRST_P99_RATIO = 1.1;

const fixed = (value: number, digits = 1) => value.toFixed(digits);

export function agentsFirstBudgets(runs: AgentsFirstRun[]): BudgetLine[] {
  return runs.map((run) => {
    const ratio = run.withSupervisors.p99 / run.alone.p99;
    return {
      budget: `${run.database}: agents' ${run.path} p99 with ${run.tabs} supervisors polling ≤ ${AGENTS_FIRST_P99_RATIO} × alone (${run.concurrency} at a time, ${run.rows.toLocaleString("en-US")} rows)`,
      figure: `${fixed(ratio, 2)} (${fixed(run.withSupervisors.p99)} ms vs ${fixed(run.alone.p99)} ms)`,
      met: ratio <= AGENTS_FIRST_P99_RATIO,
    };
  });
}

/** The agents' figures alone and beside the supervisors, then the supervisors' own requests; empty when not measured. */
export function agentsFirstTables(runs: AgentsFirstRun[]): string {
  if (runs.length === 0) return "";
  const agents = table(
    ["Database", "Rows", "At a time", "Path", "Beside", "Requests", "req/s", "p50 ms", "p99 ms", "Not done", "p99 ratio", ""],
    runs.flatMap((run) =>
      [run.alone, run.withSupervisors].map((p) => [
        run.database,
        run.rows.toLocaleString("en-US"),
        String(run.concurrency),
        run.path,
        p === run.alone ? "nobody" : `${run.tabs} supervisors, every ${run.pollMs} ms`,
        String(p.requests),
        fixed(p.rps),
        fixed(p.p50),
        fixed(p.p99),
        String(p.failures),
        p === run.alone ? "" : fixed(run.withSupervisors.p99 / run.alone.p99, 2),
        "",
      ]),
    ),
    5,
  );
  const supervisors = table(
    ["Database", "Beside the agents'", "Supervisors' request", "Requests", "p50 ms", "p99 ms", "Failed", ""],
    runs.flatMap((run) =>
      run.supervisors.map((s) => [run.database, run.path, s.request, String(s.requests), fixed(s.p50), fixed(s.p99), String(s.failures), ""]),
    ),
    3,
  );
  return `${agents}\n\n${supervisors}`;
}
