import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db/client";
import { createEkoSimulator, SIM_BASE_PATH, type Simulator } from "@/lib/eko-sim/server";
import EKO_UAT from "@/lib/eko-sim/uat-values.json";
import { benchAgentsFirst, type AgentsFirstRun } from "./bench/agents-first";
import { comparePaths } from "./bench/closed-loop";
import { cpuMeter } from "./bench/cpu";
import { customerVisit } from "./bench/customers";
import { agentName, benchDatabase, ekoEnv, PASSWORD, seedAccounts, sendOtpOnce, startDeskApp, supervisorName } from "./bench/desk-app";
import { CPU_SLOWDOWN, firstLoadJs, pageSpeed, SLOW_4G, type FirstLoad, type PageSpeed, type Visit } from "./bench/pages";
import { benchLedger } from "./bench/ledger";
import { budgetLines, resultTables, type BenchResults, type PathRun } from "./bench/otp-report";
import { benchStartup } from "./bench/startup";
import { otpPool, sendOtp, smsInbox, transferPath, transferSetup } from "./bench/transfers";
import { stopApp } from "./lib/app-instance";
import { captureActions, launchBrowser } from "./load/capture";
import { signInOverHttp } from "./load/http-agent";

/**
 * `npm run bench`: builds once, then measures in one run the OTP path and the transfer against a bare handler of the
 * same build (on the embedded database, and on PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set), first-load
 * JavaScript and phone page speed against a bare page, start-up time, the agents' p99 alone and while supervisors poll
 * the review over a large ledger (agents first), and the ledger figures of `npm run bench:ledger`.
 * Prints a table with each budget's verdict and writes bench/results.json. Exits 0 unless the measuring itself failed.
 */
const { values: args } = parseArgs({
  options: {
    "skip-build": { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    seconds: { type: "string" },
    concurrency: { type: "string", default: "1,32" },
    "latency-ms": { type: "string", default: "50" },
    // Each path's time at each level is cut into this many turns, alternating with the other path: on a shared
    // host a passing disturbance then falls on both paths alike instead of on one path's only turn.
    rounds: { type: "string" },
    "page-runs": { type: "string" },
    "ledger-rows": { type: "string" },
    out: { type: "string", default: "bench/results.json" },
    // While working on one part: e.g. --only pages (otp, transfer, pages, startup, agents-first, ledger).
    only: { type: "string" },
    "agents-first-rows": { type: "string" },
    "agents-first-concurrency": { type: "string", default: "8" },
    // The supervisors' tabs poll the reviews' rows this often, and their summaries at a third of that pace, as the
    // pages do at their own 5 s; 1000 is a harsher test.
    "supervisor-poll-ms": { type: "string", default: "5000" },
    // The 5 tabs; 0 compares the agents alone with themselves, the spread this host shows with no one polling.
    "supervisor-tabs": { type: "string", default: "5" },
    // Only some of the tabs' polls, by name (rows, summary, transfer rows, transfers board): which one costs what.
    "supervisor-polls": { type: "string" },
    // Each side's time: long enough that every tab polls many times, so the comparison weighs its steady polling
    // rather than the tabs' first load.
    "agents-first-seconds": { type: "string" },
    // Writes a V8 CPU profile of each app instance into this folder (open it in Chrome DevTools).
    "cpu-prof": { type: "string" },
  },
});
const QUICK = args.quick;
const SECONDS = Number(args.seconds ?? (QUICK ? 2 : 12));
const LEVELS = args.concurrency.split(",").map(Number);
const LATENCY_MS = Number(args["latency-ms"]);
const ROUNDS = Number(args.rounds ?? (QUICK ? 2 : 6));
const PAGE_RUNS = Number(args["page-runs"] ?? (QUICK ? 1 : 3));
const LEDGER_ROWS = Number(args["ledger-rows"] ?? (QUICK ? 20_000 : 1_000_000));
const AGENTS_FIRST_ROWS = Number(args["agents-first-rows"] ?? (QUICK ? 20_000 : 1_000_000));
const SUPERVISOR_TABS = Number(args["supervisor-tabs"]);
const AGENTS = QUICK ? 32 : 128;
const ONLY = args.only?.split(",");
const wanted = (part: "otp" | "transfer" | "pages" | "startup" | "agents-first" | "ledger") => !ONLY || ONLY.includes(part);

const log = (line: string) => console.log(line);

function build() {
  log("Building (npm run build)…");
  // With the bare page and handler (next.config.js): the floor the desk is measured against, in the same build.
  const result = spawnSync(process.execPath, ["scripts/build.mjs"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, BENCH_BARE_ROUTES: "1" },
  });
  if (result.status !== 0) throw new Error("the build failed");
}

type DatabaseRun = { otp: PathRun[]; transfer: PathRun[]; firstLoad: FirstLoad[]; speed: PageSpeed[] };

async function benchOnDatabase(
  kind: "pglite" | "postgres",
  sim: Simulator,
  simUrl: string,
  postgresServer: string | undefined,
  measurePages: boolean,
): Promise<DatabaseRun> {
  const target = await benchDatabase(kind, postgresServer);
  const database = target.name;
  let app;
  try {
    // Requests take turns over many agents, as they do across a network of shops: each agent's 15-minute window then
    // holds about as many rows as the default agent limit (30) allows, which is what the limit check scans in use.
    // With a few agents each window would hold hundreds of rows, a ledger no deployment with the limits on can have.
    const agents = Math.max(...LEVELS, AGENTS);
    log(`\n${database}: seeding ${agents} agents and a supervisor…`);
    await seedAccounts(agents, 1);
    await closeDb(); // the embedded database is the app's from here on
    app = await startDeskApp(target, simUrl, args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args["cpu-prof"])}`] : []);
    const { baseUrl } = app;
    const actions = await captureActions(baseUrl, { username: agentName(0), password: PASSWORD });
    const cookies = await Promise.all(Array.from({ length: agents }, (_, i) => signInOverHttp(baseUrl, actions.signIn, agentName(i), PASSWORD)));
    const supervisor = await signInOverHttp(baseUrl, actions.signIn, supervisorName(0), PASSWORD);

    let turn = 0;
    const otpPath = () => sendOtpOnce(baseUrl, actions.sendOtp, cookies[turn++ % agents]);
    const bareHandler = async () => {
      const response = await fetch(`${baseUrl}/api/bench/bare-otp`, { method: "POST" });
      const body = (await response.json().catch(() => null)) as { status?: string } | null;
      return response.ok && body?.status ? body.status : `http-${response.status}`;
    };
    const appPid = app.process.pid;
    const measure = (
      concurrency: number,
      ours: Record<string, (worker: number) => Promise<string>>,
      beforeRound?: (seconds: number) => Promise<void>,
    ) =>
      comparePaths(
        { "bare handler": bareHandler, ...ours },
        { concurrency, seconds: SECONDS, rounds: ROUNDS, warmupSeconds: QUICK ? 0.5 : 2, cpu: cpuMeter(appPid, kind === "postgres"), beforeRound },
      );
    const otp: PathRun[] = [];
    for (const concurrency of wanted("otp") ? LEVELS : []) {
      log(`  OTP path and bare handler, ${concurrency} at a time, ${SECONDS} s each…`);
      const [bare, ours] = await measure(concurrency, { "OTP path": otpPath });
      otp.push({ database, concurrency, bare: bare!, ours: ours! });
    }

    // After every OTP level: the transfers' OTPs would crowd the agents' windows that the OTP path's limit check reads.
    const inbox = smsInbox(sim.sms);
    const send = (worker: number, recipientId?: string) =>
      sendOtp(baseUrl, actions.sendOtp, cookies[(turn++ + worker) % agents]!, inbox, recipientId);
    const setup = wanted("transfer") || (measurePages && wanted("pages")) ? await transferSetup(baseUrl, send, log) : undefined;
    const transfer: PathRun[] = [];
    for (const concurrency of wanted("transfer") ? LEVELS : []) {
      log(`  transfer and bare handler, ${concurrency} at a time, ${SECONDS} s each…`);
      const pool = otpPool(send, concurrency, LATENCY_MS);
      const [bare, ours] = await measure(concurrency, { transfer: transferPath(baseUrl, setup!.action, pool, send) }, (seconds) =>
        pool.fill(seconds),
      );
      transfer.push({ database, concurrency, bare: bare!, ours: ours! });
    }

    const firstLoad: FirstLoad[] = [];
    const speed: PageSpeed[] = [];
    if (measurePages && wanted("pages")) {
      const agent = cookies[0]!;
      // The customer's pages are the visit's session's only: they are opened with the cookie that made the visit.
      const atCounter = await customerVisit(baseUrl, agent, sim.sms, log);
      const toEnrol = await customerVisit(baseUrl, agent, sim.sms, log, `63${String(randomInt(100_000_000)).padStart(8, "0")}`);
      const customerPage = `/customers/${atCounter.id}`;
      const browser = await launchBrowser();
      try {
        const visits: Visit[] = [
          { name: "bare page", path: "/bench/bare", cookie: agent },
          { name: "sign-in", path: "/login" },
          { name: "agent form", path: "/", cookie: agent },
          { name: "typed IDs", path: "/enter-ids", cookie: agent },
          { name: "customer's page", path: customerPage, route: "/customers/[visit]", cookie: atCounter.cookie },
          { name: "enrolment", path: `/customers/${toEnrol.id}`, route: "/customers/[visit] (not enrolled)", cookie: toEnrol.cookie },
          { name: "add a recipient", path: `${customerPage}/add-recipient`, route: "/customers/[visit]/add-recipient", cookie: atCounter.cookie },
          { name: "supervisor review", path: "/requests", cookie: supervisor },
          { name: "OTP step", path: `/otp/${setup!.open.ref}`, route: "/otp/[ref]", cookie: setup!.open.cookie },
          { name: "transfer", path: `/transfers/${setup!.transferRef}`, route: "/transfers/[ref]", cookie: setup!.spent.cookie },
          { name: "refund step", path: `/transfers/${setup!.refundRef}`, route: "/transfers/[ref] (refund due)", cookie: setup!.toRefund.cookie },
        ];
        log(`  first-load JavaScript of ${visits.length} pages…`);
        for (const visit of visits) firstLoad.push(await firstLoadJs(browser, baseUrl, visit));
        log(`  page speed on a phone (CPU ${CPU_SLOWDOWN}x slower, slow 4G), ${PAGE_RUNS} cold load(s) each…`);
        const timed = ["bare page", "agent form", "supervisor review"];
        for (const visit of visits.filter((v) => timed.includes(v.name))) speed.push(await pageSpeed(browser, baseUrl, visit, PAGE_RUNS));
      } finally {
        await browser.close();
      }
    }
    return { otp, transfer, firstLoad, speed };
  } finally {
    await stopApp(app);
    await target.drop();
  }
}

async function main() {
  if (!args["skip-build"]) build();
  const postgresServer = process.env.TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim() || undefined;
  const sim = createEkoSimulator({ ...EKO_UAT, slowMs: 20_000, control: false, latencyMs: LATENCY_MS });
  const simUrl = `http://127.0.0.1:${await sim.listen(0)}${SIM_BASE_PATH}`;
  const started = performance.now();
  const runs: DatabaseRun[] = [];
  const failures: string[] = [];
  // A stage that fails is reported and the others still run: one run's figures are not lost to one fault.
  const stage = async <T>(name: string, work: () => Promise<T> | T): Promise<T | null> => {
    try {
      return await work();
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      console.error(`\n${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return null;
    }
  };
  if (!postgresServer) log("\nPostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL to measure the agents' paths on it too.");
  if (wanted("otp") || wanted("transfer") || wanted("pages")) {
    const pglite = await stage("embedded database", () => benchOnDatabase("pglite", sim, simUrl, undefined, true));
    if (pglite) runs.push(pglite);
  }
  if (postgresServer && (wanted("otp") || wanted("transfer"))) {
    const postgres = await stage("PostgreSQL", () => benchOnDatabase("postgres", sim, simUrl, postgresServer, false));
    if (postgres) runs.push(postgres);
  }
  const agentsFirst: AgentsFirstRun[] = [];
  for (const kind of wanted("agents-first") ? (["pglite", "postgres"] as const) : []) {
    if (kind === "postgres" && !postgresServer) continue;
    const options = {
      rows: AGENTS_FIRST_ROWS,
      concurrency: Number(args["agents-first-concurrency"]),
      agents: Math.max(AGENTS, Number(args["agents-first-concurrency"])),
      tabs: SUPERVISOR_TABS,
    };
    const timing = {
      pollMs: Number(args["supervisor-poll-ms"]),
      polls: args["supervisor-polls"]?.split(","),
      seconds: Number(args["agents-first-seconds"] ?? (QUICK ? SECONDS : 60)),
      rounds: ROUNDS,
      warmupSeconds: QUICK ? 0.5 : 2,
      latencyMs: LATENCY_MS,
    };
    const run = await stage(`agents first, ${kind}`, () => benchAgentsFirst(kind, postgresServer, sim, simUrl, { ...options, ...timing, log }));
    agentsFirst.push(...(run ?? []));
  }
  await sim.close();
  const startup = wanted("startup")
    ? ((await stage("start-up", () =>
        benchStartup({ NODE_ENV: "production", DATABASE_URL: "", LEDGER_KEY: "", ...ekoEnv(simUrl) }, QUICK ? 1 : 3, log),
      )) ?? [])
    : [];
  const ledger = wanted("ledger") ? await stage("ledger", () => benchLedger(LEDGER_ROWS, log)) : null;
  const results: BenchResults = {
    measuredAt: new Date().toISOString(),
    settings: {
      seconds: SECONDS,
      concurrency: LEVELS,
      simulatorLatencyMs: LATENCY_MS,
      pageRuns: PAGE_RUNS,
      network: SLOW_4G,
      cpuSlowdown: CPU_SLOWDOWN,
      ledgerRows: LEDGER_ROWS,
      agentsFirstRows: AGENTS_FIRST_ROWS,
      agentsFirstConcurrency: Number(args["agents-first-concurrency"]),
      supervisorTabs: SUPERVISOR_TABS,
      supervisorPollMs: Number(args["supervisor-poll-ms"]),
    },
    otpPath: runs.flatMap((r) => r.otp),
    transferPath: runs.flatMap((r) => r.transfer),
    firstLoadJs: runs.flatMap((r) => r.firstLoad),
    pageSpeed: runs.flatMap((r) => r.speed),
    startup,
    agentsFirst,
    ledger,
    failures,
  };
  const budgets = budgetLines(results);
  log(`\nMeasured in ${((performance.now() - started) / 1000).toFixed(0)} s (simulator latency ${LATENCY_MS} ms)\n`);
  log(resultTables(results));
  log("");
  log(budgets.map((b) => `${b.met ? "PASS" : "MISS"}  ${b.budget}: ${b.figure}`).join("\n"));
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify({ ...results, budgets }, null, 2)}\n`);
  log(`\nWritten to ${args.out}`);
  if (failures.length > 0) throw new Error(`${failures.length} stage(s) failed:\n${failures.join("\n")}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
