import type { EkoOutcome } from "@/lib/eko/operation";
import type { Refund } from "@/lib/eko/operations/initiate-refund";
import { answerColumnsOf } from "@/lib/ledger/answer-columns";
import type { NotSent } from "@/lib/ledger/recorded-call";
import type { RefundUpdate } from "./repository";

const paise = (rupees: number | undefined) => (rupees === undefined || !Number.isFinite(rupees) ? undefined : Math.round(rupees * 100));

/**
 * Initiate Refund's outcome as the refund's state, by the same reading as a transfer's: a refusal or a request that
 * never left gave nothing back; anything else without Eko's 74 is `unknown`, for Transaction Inquiry to settle.
 */
export function refundColumns(outcome: EkoOutcome<Refund> | NotSent, latencyMs: number): RefundUpdate {
  if (outcome.kind === "not-sent") return { state: "not-sent", failureReason: outcome.reason, latencyMs: 0 };
  const answer = answerColumnsOf(outcome, latencyMs);
  if (outcome.kind === "ok") {
    const fee = paise(outcome.data.fee);
    const refunded = paise(outcome.data.refunded_amount);
    return { ...answer, state: "refunded", refundTid: outcome.data.refund_tid, feePaise: fee ?? null, refundedPaise: refunded ?? null };
  }
  if (outcome.kind === "rejected") return { ...answer, state: "refused" };
  if (outcome.kind === "failed" && outcome.reason !== "http") return { ...answer, state: outcome.reason === "auth" ? "refused" : "not-sent" };
  return { ...answer, state: "unknown" };
}
