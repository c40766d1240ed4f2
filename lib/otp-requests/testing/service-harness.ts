import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Db } from "@/lib/db/open";
import { otpRequests, type OtpRequestRow } from "@/lib/db/schema";
import type { EkoConfig } from "@/lib/eko/config";
import { readSettings } from "@/lib/settings";
import { createEkoSimulator, SIM_BASE_PATH, type Simulator } from "@/lib/eko-sim/server";
import uat from "@/lib/eko-sim/uat-values.json";
import type { LimitSettings } from "../limit-settings";
import type { OtpRequestInput } from "../fields";
import type { Actor, RequestContext, ServiceDeps } from "../service";
import { testVault } from "./ledger-rows";

/** Recipient ids the simulator answers specially: 504 succeeds after `slowMs`. */
export const SLOW_RECIPIENT = 504;

export const ROOMY_LIMITS: LimitSettings = { mobilePer15Min: 1000, mobilePer24Hours: 1000, agentPer15Min: 1000 };

export const ASHA: Actor = { agent: "asha", agentId: "user-asha", userCode: uat.userCode };

export function otpInput(overrides: Partial<OtpRequestInput> = {}): OtpRequestInput {
  return { recipientId: 10017740, amount: 110, customerMobile: "9876543210", beneficiaryId: "BEN42", ...overrides };
}

export function submission(actor: Actor = ASHA, submissionId: string = randomUUID()): RequestContext {
  return { actor, submissionId };
}

export type SimulatedEko = { readonly sim: Simulator; readonly config: EkoConfig };

/**
 * A real simulator on a free port for the file's tests, with Eko's UAT keys; `received` is emptied before each test.
 * `timeoutMs` is the desk's Eko timeout; `slowMs` how long the slow recipient takes.
 */
export function simulatedEkoForFile(options: { slowMs?: number; timeoutMs?: number } = {}): SimulatedEko {
  let sim: Simulator | undefined;
  let config: EkoConfig | undefined;
  beforeAll(async () => {
    sim = createEkoSimulator({ ...uat, slowMs: options.slowMs ?? 300, control: false });
    const port = await sim.listen(0);
    config = readSettings("eko", {
      EKO_BASE_URL: `http://127.0.0.1:${port}${SIM_BASE_PATH}`,
      EKO_DEVELOPER_KEY: uat.developerKey,
      EKO_ACCESS_KEY: uat.accessKey,
      EKO_INITIATOR_ID: uat.initiatorId,
      EKO_USER_CODE: uat.userCode,
      EKO_TIMEOUT_MS: String(options.timeoutMs ?? 1500),
    });
  });
  beforeEach(() => {
    if (sim) sim.received.length = 0;
  });
  afterAll(() => sim?.close());
  return {
    get sim() {
      if (!sim) throw new Error("The simulator runs only inside tests and hooks");
      return sim;
    },
    get config() {
      if (!config) throw new Error("The simulator runs only inside tests and hooks");
      return config;
    },
  };
}

export function serviceDeps(db: Db, eko: SimulatedEko, overrides: Partial<ServiceDeps> = {}): Partial<ServiceDeps> {
  return { db, config: eko.config, vault: testVault, limits: ROOMY_LIMITS, ...overrides };
}

export async function rowsForSubmission(db: Db, submissionId: string): Promise<OtpRequestRow[]> {
  return db.select().from(otpRequests).where(eq(otpRequests.submissionId, submissionId));
}
