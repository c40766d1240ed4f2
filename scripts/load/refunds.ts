import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import type { FaultMode, FaultSwitch } from "@/lib/eko-sim/faults";
import { SIM_BASE_PATH, type ReceivedRequest } from "@/lib/eko-sim/server";
import type { ActionTarget } from "./capture";
import { postFormAction } from "./http-agent";
import type { CheckResult } from "./ledger-checks";
import type { LoadAgent, Sample } from "./run-load";
import type { SeenTransfer } from "./transfers";

export type RefundActions = { sendRefundOtp: ActionTarget; refund: ActionTarget };

// By a refund's place in each 6: a fault on Initiate Refund (slow: done late; reset: not done), or a double click.
const CYCLE = 6;
const FAULT_AT: Record<number, FaultMode> = { 1: "slow", 4: "reset" };
const DOUBLE_AT = new Set([2, 4]);

/**
 * Each transfer the desk answered "refund pending" is refunded by its agent, as at the counter: Send refund OTP, then
 * the refund OTP the simulator texted the customer; some meet a fault at the simulator, some are posted twice at once.
 */
export function refundLoad(actions: RefundActions, refundOtp: (customerMobile: string) => string | undefined, faults: FaultSwitch) {
  const samples: Sample[] = [];
  /** The transfers refunded, each with its refund's state as last seen (settled after the run like transfers). */
  const seen = new Map<string, SeenTransfer>();
  const planned = new Map<string, number>();
  const count = (kind: string) => planned.set(kind, (planned.get(kind) ?? 0) + 1);
  let made = 0;

  async function post(agent: LoadAgent, action: ActionTarget, fields: Record<string, string>, label: string) {
    const t0 = performance.now();
    const reply = await postFormAction(agent.baseUrl, action, fields, agent.cookie).catch(() => null);
    // A step that went through redirects to the transfer's page; anything else comes back as the form's answer.
    const status = reply?.result?.status;
    const outcome = !reply ? "network-error" : typeof status === "string" ? `${label} ${status}` : `${label} done`;
    samples.push({ ms: performance.now() - t0, outcome, httpStatus: reply?.httpStatus ?? 0 });
  }

  async function refund(agent: LoadAgent, transferRef: string, customerMobile: string): Promise<void> {
    await post(agent, actions.sendRefundOtp, { transferRef, submissionId: randomUUID() }, "refund OTP");
    const otp = refundOtp(customerMobile);
    if (!otp) return void count("no refund OTP texted");
    const place = made++ % CYCLE;
    const fault = FAULT_AT[place];
    if (fault) {
      count(`refund ${fault}`);
      faults.set(fault, 1, customerMobile);
    }
    const fields = { transferRef, submissionId: randomUUID(), otp };
    const double = DOUBLE_AT.has(place);
    if (double) count("refund double click");
    await Promise.all([post(agent, actions.refund, fields, "refund"), ...(double ? [post(agent, actions.refund, fields, "refund")] : [])]);
    if (fault) faults.set("off", undefined, customerMobile);
    seen.set(transferRef, { agent, state: "unknown" });
  }
  return { samples, planned, seen, refund };
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * No refund made twice (by the ledger and by the Initiate Refund calls the simulator received) and none left
 * unknown once the inquiry worker has asked Eko.
 */
export async function checkRefunds(db: Db, received: ReceivedRequest[]): Promise<{ checks: CheckResult[]; states: [string, number][] }> {
  const refundCalls = received.filter((r) => r.method === "POST" && /\/customer\/payment\/refund\/[^/]+$/.test(r.path.slice(SIM_BASE_PATH.length)));
  const doneAtSim = refundCalls.filter((r) => r.verdict.startsWith("74") || r.verdict === "fault: slow");
  const tids = doneAtSim.map((r) => r.path.split("/").at(-1));
  const [c] = await rows<{ sent: number; twice: number; refundedTwice: number }>(
    db,
    sql`select (select count(*) from refunds where state <> 'not-sent')::int as sent,
          (select count(*) from (select transfer_id from refunds where state in ('pending', 'unknown', 'refunded') group by 1 having count(*) > 1) d)::int as twice,
          (select count(*) from (select transfer_id from refunds where state = 'refunded' group by 1 having count(*) > 1) d)::int as "refundedTwice"`,
  );
  const states = await rows<{ state: string; n: number }>(db, sql`select state, count(*)::int as n from refunds group by 1 order by 2 desc`);
  const open = states.filter((s) => s.state === "pending" || s.state === "unknown").reduce((sum, s) => sum + s.n, 0);
  const repeatedAtSim = tids.length - new Set(tids).size;
  return {
    checks: [
      {
        name: "no refund made twice",
        ok: c!.twice + c!.refundedTwice + repeatedAtSim === 0 && refundCalls.length === c!.sent,
        detail: `${c!.sent} refunds sent by the desk; the simulator received ${refundCalls.length} Initiate Refund calls, ${repeatedAtSim} refunding a TID again; ${c!.twice} transfers with two live refunds`,
      },
      { name: "no refund left unknown", ok: open === 0, detail: `${open} refunds pending or unknown` },
    ],
    states: states.map((s) => [s.state, s.n]),
  };
}
