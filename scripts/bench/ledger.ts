import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The figures of `npm run bench:ledger` with `rows` rows, run as its own process. */
export function benchLedger(rows: number, log: (line: string) => void): unknown {
  log(`\nLedger: npm run bench:ledger with ${rows.toLocaleString("en-US")} rows…`);
  const out = path.join(mkdtempSync(path.join(tmpdir(), "ld-ledger-")), "ledger.json");
  const run = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/bench-ledger.ts", "--rows", String(rows)], {
    env: { ...process.env, BENCH_LEDGER_JSON: out },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    return JSON.parse(readFileSync(out, "utf8"));
  } catch {
    throw new Error(`npm run bench:ledger wrote no figures (exit ${run.status})`);
  } finally {
    rmSync(path.dirname(out), { recursive: true, force: true });
  }
}
