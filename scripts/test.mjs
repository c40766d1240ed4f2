// `npm test`: installs what is missing, then type-checks, lints, runs the unit tests, builds, and runs the
// Playwright suite against the production build and the simulator. Ends with one line: "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureChromium } from "./lib/chromium.mjs";
import { ensureDependencies } from "./lib/deps.mjs";
import { bin, run } from "./lib/processes.mjs";

const OUT = ".test-output";
const tally = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function step(name, command, args, env) {
  console.log(`\n━━ ${name}`);
  const ok = run(command, args, env) === 0;
  if (!ok) failedSteps.push(name);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Counts a test step; a step that failed without reporting any failed test still counts as one failure. */
function count(name, ok, passed, failed, skipped) {
  tally.passed += passed;
  tally.failed += failed > 0 ? failed : ok ? 0 : 1;
  tally.skipped += skipped;
  if (!ok && !failedSteps.includes(name)) failedSteps.push(name);
}

ensureDependencies();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

for (const [name, args] of [
  ["Type-check (tsc)", ["--noEmit"]],
  ["Lint (eslint)", null],
]) {
  const ok = args ? step(name, bin("tsc"), args) : step(name, bin("eslint"), ["--max-warnings", "0", "."]);
  count(name, ok, ok ? 1 : 0, ok ? 0 : 1, 0);
}

const unitOk = step("Unit tests (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${OUT}/unit.json`]);
const unit = readJson(`${OUT}/unit.json`);
count("Unit tests (vitest)", unitOk, unit?.numPassedTests ?? 0, unit?.numFailedTests ?? 0, (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0));

const built = step("Production build (npm run build: standalone)", process.execPath, ["scripts/build.mjs"]);
if (!built) count("Production build (npm run build: standalone)", false, 0, 1, 0);

if (built && ensureChromium()) {
  const e2eOk = step("End-to-end (Playwright, Chromium)", bin("playwright"), ["test"]);
  const stats = readJson(`${OUT}/e2e.json`)?.stats;
  count("End-to-end (Playwright, Chromium)", e2eOk, (stats?.expected ?? 0) + (stats?.flaky ?? 0), stats?.unexpected ?? 0, stats?.skipped ?? 0);
} else {
  count("End-to-end (Playwright, Chromium)", false, 0, 1, 0);
  if (built) console.error("No Chromium could be installed: the browser tests did not run.");
}

// The load command in a short form: its ledger checks (every submission once, none pending, limits exact) guard
// every change, on the embedded database and, where a server is configured, on two instances sharing PostgreSQL.
if (built) {
  const loadRuns = [["Load, embedded database", ["--agents", "5", "--seconds", "5"]]];
  if (process.env.TEST_DATABASE_URL)
    loadRuns.push([
      "Load, two instances of the build on PostgreSQL behind a proxy, first admin by its command",
      ["--agents", "6", "--seconds", "5", "--database", "postgres"],
    ]);
  else console.log("\nLoad on PostgreSQL skipped: set TEST_DATABASE_URL (.ci/run does) to run it.");
  for (const [name, args] of loadRuns) {
    const ok = step(name, bin("tsx"), ["--conditions=react-server", "scripts/load.ts", ...args]);
    count(name, ok, ok ? 1 : 0, ok ? 0 : 1, 0);
  }
}

// The suite runs on this machine's Node; the build must also start, serve and stop on the other supported LTS lines.
if (built) {
  const name = "The build on Node.js 22 and 24";
  const ok = step(name, process.execPath, ["scripts/node-versions.mjs"]);
  count(name, ok, ok ? 1 : 0, ok ? 0 : 1, 0);
}

console.log("");
if (failedSteps.length > 0) console.log(`Failed: ${failedSteps.join("; ")}`);
if (existsSync(`${OUT}/e2e.json`)) console.log(`Reports: ${OUT}/ (traces of failed browser tests in test-results/)`);
console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
process.exit(tally.failed > 0 || failedSteps.length > 0 ? 1 : 0);
