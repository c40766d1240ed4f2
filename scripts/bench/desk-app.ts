import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import EKO_UAT from "@/lib/eko-sim/uat-values.json";
import { createUser } from "@/lib/users/service";
import { freePort, startApp } from "../lib/app-instance";
import { createScratchDatabase, dropScratchDatabase } from "../lib/scratch-database";
import type { ActionTarget } from "../load/capture";
import { postAction } from "../load/http-agent";

/** The desk as the bench runs it: its accounts, its database, its app instance, and the agents' Send OTP. */
export const PASSWORD = "bench-account-password-2026";
/** An agent's shop location: the transfer takes it, so the load sends none of its own, as the agents' form does. */
const SHOP_LATLONG = "28.4595,77.0266";

export const agentName = (i: number) => `bench-agent-${String(i + 1).padStart(3, "0")}`;
export const supervisorName = (i: number) => `bench-supervisor-${i + 1}`;

/** The simulator's address and Eko's published UAT keys; plain http on 127.0.0.1. */
export const ekoEnv = (simUrl: string) => ({
  EKO_BASE_URL: simUrl,
  EKO_DEVELOPER_KEY: EKO_UAT.developerKey,
  EKO_ACCESS_KEY: EKO_UAT.accessKey,
  EKO_INITIATOR_ID: EKO_UAT.initiatorId,
  EKO_USER_CODE: EKO_UAT.userCode,
  AUTH_SECURE_COOKIES: "false",
});

/** Written through this process's database (see `benchDatabase`); the caller closes it before the app opens it. */
export async function seedAccounts(agents: number, supervisors: number): Promise<void> {
  for (let i = 0; i < agents; i++)
    await createUser({ username: agentName(i), password: PASSWORD, role: "agent", userCode: EKO_UAT.userCode, shopLatlong: SHOP_LATLONG }, "bench");
  for (let i = 0; i < supervisors; i++) await createUser({ username: supervisorName(i), password: PASSWORD, role: "supervisor" }, "bench");
}

export type BenchDatabase = { name: "PGlite" | "PostgreSQL"; env: Record<string, string>; drop: () => Promise<void> };

/**
 * A throwaway database for one app instance: a fresh data directory, and on PostgreSQL a scratch database on the
 * server. Its settings go into this process's environment too, so the bench seeds the very database the app opens.
 */
export async function benchDatabase(kind: "pglite" | "postgres", postgresServer: string | undefined): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ld-bench-"));
  const scratch = kind === "postgres" ? await createScratchDatabase(postgresServer!, "ld_bench") : undefined;
  const env: Record<string, string> = scratch
    ? { DATABASE_URL: scratch.url, LEDGER_KEY: randomBytes(32).toString("base64"), DATA_DIR: dataDir }
    : { DATA_DIR: dataDir, DATABASE_URL: "", LEDGER_KEY: "" };
  Object.assign(process.env, env);
  return {
    name: scratch ? "PostgreSQL" : "PGlite",
    env,
    async drop() {
      if (scratch) await dropScratchDatabase(postgresServer!, scratch.name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The production build on a free port, over `database`, with the bare routes and limits out of reach. */
export async function startDeskApp(database: BenchDatabase, simUrl: string, nodeArgs: string[] = []) {
  return startApp(
    await freePort(),
    {
      ...database.env,
      NODE_ENV: "production",
      BENCH_BARE_ROUTES: "1",
      ...ekoEnv(simUrl),
      // The limits are checked on every request as always; they are set out of reach so that none is refused.
      LIMIT_AGENT_PER_15_MIN: "100000",
      LIMIT_MOBILE_PER_15_MIN: "1000",
      LIMIT_MOBILE_PER_24_HOURS: "1000",
      // Every bench agent signs in from this one address, at once.
      SIGN_IN_PER_ADDRESS_PER_MINUTE: "100000",
    },
    60_000,
    nodeArgs,
  );
}

/** One Send OTP through the action the form posts, for a random customer and amount; its status ("sent"). */
export async function sendOtpOnce(baseUrl: string, action: ActionTarget, cookie: string | undefined): Promise<string> {
  const values = {
    recipientId: "10017740",
    amount: String(100 + randomInt(24_900)),
    customerMobile: `9${100_000_000 + randomInt(800_000_000)}`,
    beneficiaryId: "",
  };
  const reply = await postAction(baseUrl, action, [{ submissionId: randomUUID(), values }], cookie);
  return typeof reply.result?.status === "string" ? reply.result.status : `http-${reply.httpStatus}`;
}
