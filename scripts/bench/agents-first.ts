import { min } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db/client";
import { otpRequests } from "@/lib/db/schema";
import type { Simulator } from "@/lib/eko-sim/server";
import { istDayOf } from "@/lib/ledger/india-time";
import type { UrlFilters } from "@/lib/otp-requests/review-filters";
import { stopApp, type AppInstance } from "../lib/app-instance";
import { captureActions } from "../load/capture";
import { signInOverHttp } from "../load/http-agent";
import { comparePaths, type PathFigures } from "./closed-loop";
import { agentName, benchDatabase, PASSWORD, seedAccounts, sendOtpOnce, startDeskApp, supervisorName } from "./desk-app";
import { seedLedger } from "./seed";
import { supervisorTabs, type PollFigures } from "./supervisors";
import { otpPool, sendOtp, smsInbox, transferPath, transferSetup } from "./transfers";

/** An agents' path measured alone and beside supervisors' tabs polling the review, in alternating turns. */
export type AgentsFirstRun = {
  database: string;
  path: "OTP path" | "transfer";
  rows: number;
  concurrency: number;
  tabs: number;
  pollMs: number;
  alone: PathFigures;
  withSupervisors: PathFigures;
  /** The supervisors' own requests during the turns beside this path. */
  supervisors: PollFigures[];
};

export type AgentsFirstOptions = {
  /** Ledger rows seeded before the app starts. */
  rows: number;
  /** Agents' requests at a time, over `agents` signed-in agents. */
  concurrency: number;
  agents: number;
  tabs: number;
  pollMs: number;
  /** Only these of the tabs' polls (all when absent): to see which one costs the agents what. */
  polls?: string[];
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  /** The simulator's latency, which sizes the transfers' OTP pool. */
  latencyMs: number;
  log: (line: string) => void;
};

/** Every day the ledger holds, up to tomorrow (India time): the worst case, a review over the whole ledger. */
async function wholeLedger(): Promise<UrlFilters> {
  const db = await getDb();
  const [row] = await db.select({ first: min(otpRequests.createdAt) }).from(otpRequests);
  return { from: istDayOf(row?.first ?? new Date()), to: istDayOf(new Date(Date.now() + 86_400_000)) };
}

/**
 * Issue #22's "agents first" on one database: the production build over a ledger of `rows` rows (rollups rebuilt),
 * then the agents' Send OTP and transfer, each alone and while `tabs` supervisors poll the review over the whole
 * ledger every `pollMs`, alternating turn by turn so the host's drift falls on both alike.
 */
export async function benchAgentsFirst(
  kind: "pglite" | "postgres",
  postgresServer: string | undefined,
  sim: Simulator,
  simUrl: string,
  options: AgentsFirstOptions,
): Promise<AgentsFirstRun[]> {
  const { rows, concurrency, agents, tabs, pollMs, log } = options;
  const database = await benchDatabase(kind, postgresServer);
  let app: AppInstance | undefined;
  try {
    log(`\n${database.name}, agents first: seeding ${rows.toLocaleString("en-US")} ledger rows, ${agents} agents and ${tabs} supervisors…`);
    const db = await getDb();
    await seedLedger(db, rows, Date.now(), log); // rollups rebuilt within it
    const filters = await wholeLedger();
    await seedAccounts(agents, tabs);
    await closeDb(); // the embedded database is the app's from here on

    app = await startDeskApp(database, simUrl);
    const { baseUrl } = app;
    const actions = await captureActions(baseUrl, { username: agentName(0), password: PASSWORD });
    const cookies = await Promise.all(Array.from({ length: agents }, (_, i) => signInOverHttp(baseUrl, actions.signIn, agentName(i), PASSWORD)));
    const supervisors = await Promise.all(
      Array.from({ length: tabs }, (_, i) => signInOverHttp(baseUrl, actions.signIn, supervisorName(i), PASSWORD)),
    );

    const ALONE = "alone";
    const BESIDE = `${tabs} supervisors polling`;
    const measure = async (
      path: AgentsFirstRun["path"],
      fire: (worker: number) => Promise<string>,
      beforeRound?: (seconds: number) => Promise<void>,
    ) => {
      log(`  ${path}, ${concurrency} at a time, alone and beside ${tabs} supervisors polling every ${pollMs} ms, ${options.seconds} s each…`);
      const review = supervisorTabs(baseUrl, supervisors, { filters, pollMs, polls: options.polls });
      // Opening a tab is once per supervisor, not the polling the budget is about: done before the timed turns.
      await review.open();
      const [alone, withSupervisors] = await comparePaths(
        { [ALONE]: fire, [BESIDE]: fire },
        {
          concurrency,
          seconds: options.seconds,
          rounds: options.rounds,
          warmupSeconds: options.warmupSeconds,
          beforeRound,
          alongside: (name) => (name === BESIDE ? review.start() : undefined),
        },
      );
      const run = {
        database: database.name,
        path,
        rows,
        concurrency,
        tabs,
        pollMs,
        alone: alone!,
        withSupervisors: withSupervisors!,
        supervisors: review.figures(),
      };
      log(`    p99 ${run.alone.p99.toFixed(1)} ms alone, ${run.withSupervisors.p99.toFixed(1)} ms beside the supervisors`);
      return run;
    };

    let turn = 0;
    const otp = await measure("OTP path", () => sendOtpOnce(baseUrl, actions.sendOtp, cookies[turn++ % agents]));

    const inbox = smsInbox(sim.sms);
    const send = (worker: number, recipientId?: string) =>
      sendOtp(baseUrl, actions.sendOtp, cookies[(turn++ + worker) % agents]!, inbox, recipientId);
    const setup = await transferSetup(baseUrl, send, log);
    const pool = otpPool(send, concurrency, options.latencyMs);
    // Both of a round's turns draw on one fill.
    const transfer = await measure("transfer", transferPath(baseUrl, setup.action, pool, send), (seconds) => pool.fill(2 * seconds));
    return [otp, transfer];
  } finally {
    await closeDb(); // where seeding failed midway
    await stopApp(app);
    await database.drop();
  }
}
