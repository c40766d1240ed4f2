// `npm run demo`: installs what is missing, builds, starts the Eko simulator and the desk against it.
import { readFileSync } from "node:fs";
import { demoEnv, DEMO_DATA_DIR } from "./lib/demo-env.mjs";
import { ensureDependencies } from "./lib/deps.mjs";
import { bin, run, start, stopAll, waitForUrl } from "./lib/processes.mjs";

ensureDependencies();

const uat = JSON.parse(readFileSync("lib/eko-sim/uat-values.json", "utf8"));
const port = process.env.PORT ?? "3000";
const simPort = process.env.SIM_PORT ?? "4010";

console.log("› Building the desk (npm run build)…");
if (run(process.execPath, ["scripts/build.mjs"]) !== 0) {
  console.error("The build failed: see the messages above.");
  process.exit(1);
}

const deskEnv = demoEnv(uat, simPort);

console.log("› Creating the demo accounts (if missing)…");
if (run(bin("tsx"), ["--conditions=react-server", "scripts/seed-demo-users.ts"], deskEnv) !== 0) process.exit(1);

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(0));

start("The Eko simulator", bin("tsx"), ["scripts/sim.ts"], { SIM_PORT: simPort, SIM_PRINT_SMS: "1" });
if (!(await waitForUrl(`http://127.0.0.1:${simPort}/__sim/health`))) {
  console.error(`The simulator did not start on port ${simPort} (set SIM_PORT to use another).`);
  stopAll(1);
}

start("The desk", process.execPath, ["scripts/start.mjs", "-p", port], deskEnv);
if (await waitForUrl(`http://127.0.0.1:${port}/`, 60_000)) {
  console.log(`
  Levin Desk is up:  http://localhost:${port}
  Eko simulator:     http://127.0.0.1:${simPort}/ekoapi/v3 (Eko's published UAT test values)
  Demo database:     ${DEMO_DATA_DIR}/ (its own, whatever DATABASE_URL or DATA_DIR say; delete it to start afresh)
  Sign in as (shown on the login page too):
    agent       demo-agent / demo-agent-pass-2026
    supervisor  demo-supervisor / demo-supervisor-pass-2026
    admin       demo-admin / demo-admin-pass-2026
  Try customer mobile ${uat.testCustomer} with any recipient ID; the README lists the scenario recipient IDs.
  Press Ctrl+C to stop both.
`);
}
