import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open";
import { dbTargetFrom } from "@/lib/db/target";
import { createEkoSimulator, SIM_BASE_PATH } from "@/lib/eko-sim/server";
import EKO_UAT from "@/lib/eko-sim/uat-values.json";
import { getLimitSettings } from "@/lib/otp-requests/limit-settings";
import { createUser } from "@/lib/users/service";
import { captureActions } from "./load/capture";
import { signInOverHttp } from "./load/http-agent";
import { freePort, startApp, stopApp, type AppInstance } from "./lib/app-instance";
import { startLocalProxy, type LocalProxy } from "./lib/local-proxy";
import { firstAdminFromBuild } from "./load/operator-commands";
import { createScratchDatabase, dropScratchDatabase } from "./lib/scratch-database";
import { checkLedger } from "./load/ledger-checks";
import { checkRollups } from "./load/rollup-checks";
import { printSamples, tally } from "./load/report";
import { runLoad } from "./load/run-load";
import { refundState, settleTransfers } from "./load/settle";
import { checkRefunds, refundLoad } from "./load/refunds";
import { checkTransfers } from "./load/transfer-checks";
import { transferLoad } from "./load/transfers";

const { values: args } = parseArgs({
  options: {
    agents: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
    database: { type: "string", default: "pglite" },
    "think-ms": { type: "string", default: "1000" },
    "latency-ms": { type: "string", default: "300" },
    // The desk's wait for Eko (its default is 15 s): shorter keeps a run with slow transfers short.
    "eko-timeout-ms": { type: "string", default: "5000" },
    "settle-seconds": { type: "string", default: "60" },
    "cpu-prof": { type: "string" },
  },
});
const AGENTS = Number(args.agents);
const SECONDS = Number(args.seconds);
const PASSWORD = "load-agent-password-2026";
const EKO_TIMEOUT_MS = Number(args["eko-timeout-ms"]);
// Odd-numbered agents' shops have a location; the others' browsers give one with the form.
const SHOP_LATLONG = "28.4595,77.0266";
const hasShop = (n: number) => n % 2 === 1;

async function main(): Promise<boolean> {
  if (!existsSync(".next/standalone/server.js")) throw new Error("No production build: run `npm run build` first.");
  const postgresServer = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (args.database === "postgres" && !postgresServer) throw new Error("--database postgres needs DATABASE_URL or TEST_DATABASE_URL.");
  const dataDir = mkdtempSync(path.join(tmpdir(), "ld-load-"));
  const scratch = args.database === "postgres" ? await createScratchDatabase(postgresServer!, "ld_load") : undefined;
  const sim = createEkoSimulator({ ...EKO_UAT, slowMs: EKO_TIMEOUT_MS + 3_000, control: false, latencyMs: Number(args["latency-ms"]) });
  const simPort = await sim.listen(0);
  const dbEnv: Record<string, string> = scratch
    ? { DATABASE_URL: scratch.url, LEDGER_KEY: randomBytes(32).toString("base64"), DATA_DIR: dataDir }
    : { DATA_DIR: dataDir, DATABASE_URL: "", LEDGER_KEY: "" };
  Object.assign(process.env, dbEnv);
  const instances: AppInstance[] = [];
  let proxy: LocalProxy | undefined;
  // On PostgreSQL, as deployed: the first admin made with the build's own commands, two instances behind a proxy.
  const admin = { username: "load-admin", password: "load-admin-password-2026" };
  try {
    const operatorChecks = scratch ? await firstAdminFromBuild(dbTargetFrom(process.env), dbEnv, admin) : [];
    console.log(`Seeding ${AGENTS} agents on ${scratch ? "PostgreSQL" : "the embedded database"}…`);
    for (let i = 1; i <= AGENTS; i++) {
      const username = `load-agent-${String(i).padStart(3, "0")}`;
      await createUser(
        { username, password: PASSWORD, role: "agent", userCode: EKO_UAT.userCode, shopLatlong: hasShop(i) ? SHOP_LATLONG : undefined },
        "load",
      );
    }
    await closeDb(); // the embedded database is the app's from here on
    const appEnv = {
      ...dbEnv,
      NODE_ENV: "production" as const,
      EKO_BASE_URL: `http://127.0.0.1:${simPort}${SIM_BASE_PATH}`,
      EKO_DEVELOPER_KEY: EKO_UAT.developerKey,
      EKO_ACCESS_KEY: EKO_UAT.accessKey,
      EKO_INITIATOR_ID: EKO_UAT.initiatorId,
      EKO_USER_CODE: EKO_UAT.userCode,
      EKO_TIMEOUT_MS: String(EKO_TIMEOUT_MS),
      // The lost transfers are settled as "not made" within the run's wait; a real desk waits 2 minutes.
      TRANSFER_NOT_FOUND_AFTER_MS: "3000",
      AUTH_SECURE_COOKIES: "false",
      // Every simulated agent signs in from this one address, within a second.
      SIGN_IN_PER_ADDRESS_PER_MINUTE: "100000",
      TRUSTED_PROXY_HOPS: scratch ? "1" : "0",
    };
    for (let i = 0; i < (scratch ? 2 : 1); i++)
      instances.push(await startApp(await freePort(), appEnv, 60_000, args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${args["cpu-prof"]}`] : []));
    if (scratch) proxy = await startLocalProxy(instances.map((instance) => instance.baseUrl));
    const entry = proxy?.url ?? instances[0]!.baseUrl;
    const customerOtp = (otpRefId: string) => sim.sms.findLast((sms) => sms.otpRefId === otpRefId)?.otp;
    const refundOtp = (customerMobile: string) => sim.sms.findLast((sms) => sms.to === customerMobile && sms.purpose === "refund")?.otp;
    const actions = await captureActions(entry, { username: "load-agent-001", password: PASSWORD }, customerOtp, refundOtp);
    const refunds = refundLoad(actions.refund!, refundOtp, sim.faults);
    const transfers = transferLoad(customerOtp, sim.faults, actions.transfer!, refunds.refund);
    const agents = await Promise.all(
      Array.from({ length: AGENTS }, async (_, i) => {
        const baseUrl = entry;
        const cookie = await signInOverHttp(baseUrl, actions.signIn, `load-agent-${String(i + 1).padStart(3, "0")}`, PASSWORD);
        return { baseUrl, cookie, latlong: hasShop(i + 1) ? undefined : SHOP_LATLONG };
      }),
    );
    const adminSignIn = proxy && (await signInOverHttp(entry, actions.signIn, admin.username, admin.password).then(() => "signed in", String));
    console.log(
      `${AGENTS} agents on ${instances.length} instance(s)${proxy ? " behind a proxy" : ""} for ${SECONDS} s against the simulator (${args["latency-ms"]} ms latency)…`,
    );
    const load = await runLoad({
      agents,
      action: actions.sendOtp,
      seconds: SECONDS,
      thinkMs: Number(args["think-ms"]),
      mobilePool: AGENTS * 20,
      afterSent: transfers.afterSent,
    });
    printSamples("requests", load.samples, load.seconds);
    printSamples("transfer posts", transfers.samples, load.seconds, "answers");
    printSamples("refund posts", refunds.samples, load.seconds, "answers");
    console.log(`faults and duplicates: ${tally(transfers.planned)}; refunds: ${tally(refunds.planned)}`);

    const settled = await settleTransfers(transfers.seen, Number(args["settle-seconds"]) * 1000);
    console.log(`settling: ${settled.opened} transfers open after the run, ${settled.open} still open after ${settled.seconds.toFixed(1)} s`);
    const refundsSettled = await settleTransfers(refunds.seen, Number(args["settle-seconds"]) * 1000, refundState);
    console.log(`settling: ${refundsSettled.opened} refunds made, ${refundsSettled.open} still open after ${refundsSettled.seconds.toFixed(1)} s`);
    for (const instance of instances) await stopApp(instance);
    const handle = await openDatabase(dbTargetFrom(process.env));
    const checks = await checkLedger(handle.db, load.submissionIds, limitsFrom());
    const transferChecks = await checkTransfers(handle.db, sim.received, transfers);
    const refundChecks = await checkRefunds(handle.db, sim.received);
    const rollupCheck = await checkRollups(handle.db);
    await handle.close();
    console.log(`refunds by final state: ${tally(refundChecks.states)}`);
    console.log(`Initiate calls the simulator faulted: ${tally(transferChecks.faulted)}`);
    console.log(`transfers by final state: ${tally(transferChecks.states)}`);
    checks.push(...transferChecks.checks, ...refundChecks.checks, rollupCheck, ...operatorChecks);
    if (proxy) {
      checks.push({
        name: "the admin made with the build's command signs in through the proxy",
        ok: adminSignIn === "signed in",
        detail: adminSignIn ?? "",
      });
      checks.push({ name: "the proxy spread requests over both instances", ok: proxy.served.every((n) => n > 0), detail: proxy.served.join(" / ") });
    }
    const posts = [...load.samples, ...transfers.samples, ...refunds.samples];
    const serverErrors = posts.filter((s) => s.httpStatus >= 500 || s.httpStatus === 0).length;
    checks.push({ name: "no request answered with a 5xx or dropped", ok: serverErrors === 0, detail: `${serverErrors} of ${posts.length}` });
    console.log("\nledger checks:");
    for (const c of checks) console.log(`  ${c.ok ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}`);
    return checks.every((c) => c.ok);
  } finally {
    await proxy?.close();
    for (const instance of instances) await stopApp(instance);
    await sim.close();
    if (scratch) await dropScratchDatabase(postgresServer!, scratch.name);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function limitsFrom() {
  const limits = getLimitSettings();
  return { mobile15m: limits.mobilePer15Min, mobile24h: limits.mobilePer24Hours, agent15m: limits.agentPer15Min };
}

main().then(
  (ok) => {
    console.log(ok ? "\nload: all ledger checks passed" : "\nload: LEDGER CHECKS FAILED");
    process.exit(ok ? 0 : 1);
  },
  (error: unknown) => {
    console.error(`load failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
