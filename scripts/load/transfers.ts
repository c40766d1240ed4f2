import { randomUUID } from "node:crypto";
import type { FaultMode, FaultSwitch } from "@/lib/eko-sim/faults";
import type { ActionTarget } from "./capture";
import { postFormAction } from "./http-agent";
import type { AfterSent, LoadAgent, Sample } from "./run-load";

/** A transfer the desk answered with: who may read it, and its state as last seen. */
export type SeenTransfer = { agent: LoadAgent; state: string };

export type TransferLoad = {
  /** Every post of the transfer form, duplicates included. */
  samples: Sample[];
  seen: Map<string, SeenTransfer>;
  /** What was switched on or tried, by kind: `slow`, `double click`, `wrong OTP first`… */
  planned: Map<string, number>;
  /** Double submissions answered with two different transfers (should be none). */
  split: string[];
};

type Answer = { ref?: string; state?: string };

// By a transfer's place in each 20 the run makes (so even a few seconds' run meets each early): the simulator's faults
// on Initiate Transaction (slow 10 %, reset 5 %, HTTP 500 5 %), and the agent's duplicates and mistakes.
const CYCLE = 20;
const FAULT_AT: Record<number, FaultMode> = { 2: "slow", 9: "slow", 6: "reset", 16: "http-500" };
type Duplicate = "double click" | "second tab" | "wrong OTP first";
const DUPLICATE_AT: Record<number, Duplicate> = { 1: "double click", 9: "double click", 5: "second tab", 16: "second tab", 13: "wrong OTP first" };

const outcomeOf = (result: Record<string, unknown> | null, httpStatus: number): { outcome: string; answer: Answer } => {
  const transfer = result?.transfer as { ref?: string; state?: string } | undefined;
  if (result?.status === "transfer" && transfer?.state) return { outcome: transfer.state, answer: { ref: transfer.ref, state: transfer.state } };
  if (result?.status === "invalid")
    return { outcome: `invalid ${String(result.formError ?? (result.fieldErrors as { otp?: string })?.otp)}`, answer: {} };
  return { outcome: typeof result?.status === "string" ? result.status : `http-${httpStatus}`, answer: {} };
};

/**
 * The customer's OTP typed into the transfer form, as the simulator texted it. Some transfers meet a fault at the
 * simulator (for that customer, once); some are posted twice at once (one submission, or two tabs on one OTP); some
 * get a wrong OTP first, then the right one.
 */
export function transferLoad(
  customerOtp: (otpRefId: string) => string | undefined,
  faults: FaultSwitch,
  action: ActionTarget,
  /** What the agent does next with a transfer Eko left in refund pending (refunds it). */
  onRefundDue?: (agent: LoadAgent, transferRef: string, customerMobile: string) => Promise<void>,
): TransferLoad & { afterSent: AfterSent } {
  const load: TransferLoad = { samples: [], seen: new Map(), planned: new Map(), split: [] };
  const count = (kind: string) => load.planned.set(kind, (load.planned.get(kind) ?? 0) + 1);
  let made = 0;

  async function post(agent: LoadAgent, fields: Record<string, string>): Promise<Answer> {
    const t0 = performance.now();
    try {
      const reply = await postFormAction(agent.baseUrl, action, fields, agent.cookie);
      const { outcome, answer } = outcomeOf(reply.result, reply.httpStatus);
      load.samples.push({ ms: performance.now() - t0, outcome, httpStatus: reply.httpStatus });
      if (answer.ref && answer.state) load.seen.set(answer.ref, { agent, state: answer.state });
      return answer;
    } catch {
      load.samples.push({ ms: performance.now() - t0, outcome: "network-error", httpStatus: 0 });
      return {};
    }
  }

  const afterSent: AfterSent = async (agent, { customerMobile, result }) => {
    const otp = customerOtp(String(result.otpRefId));
    if (!otp) return void count("no OTP texted");
    const form = (otp: string) => ({
      otpRequestRef: String(result.clientRefId),
      submissionId: randomUUID(),
      otp,
      ...(agent.latlong ? { latlong: agent.latlong } : {}),
    });
    const place = made++ % CYCLE;
    const duplicate = DUPLICATE_AT[place];
    if (duplicate) count(duplicate);
    if (duplicate === "wrong OTP first") await post(agent, form(String((Number(otp) + 1) % 1_000_000).padStart(6, "0")));
    const fault = FAULT_AT[place];
    if (fault) {
      count(fault);
      faults.set(fault, 1, customerMobile);
    }
    const first = form(otp);
    const answers = await Promise.all([
      post(agent, first),
      ...(duplicate === "double click" ? [post(agent, first)] : duplicate === "second tab" ? [post(agent, form(otp))] : []),
    ]);
    // Off again in case the desk made no call: the fault would hit this customer's next request.
    if (fault) faults.set("off", undefined, customerMobile);
    if (answers.length === 2 && answers[0]?.ref !== answers[1]?.ref) load.split.push(`${duplicate}: ${answers[0]?.ref} vs ${answers[1]?.ref}`);
    const refundDue = answers.find((answer) => answer.state === "refund-pending");
    if (refundDue?.ref && onRefundDue) await onRefundDue(agent, refundDue.ref, customerMobile);
  };
  return { ...load, afterSent };
}
