import { maskAccount } from "@/lib/privacy/mask";
import type { EkoOutcome } from "@/lib/eko/operation";
import type { InitiatedTransaction, Transaction } from "@/lib/eko/operations/initiate-transaction";
import type { NotSent } from "@/lib/ledger/recorded-call";
import { answerColumnsOf } from "@/lib/ledger/answer-columns";
import type { TransferUpdate } from "./repository";
import { stageOf } from "./tx-status";

const paise = (rupees: number | undefined) => (rupees === undefined || !Number.isFinite(rupees) ? undefined : Math.round(rupees * 100));

/** What a transaction's answer (Initiate's or an inquiry's) tells about it, in the transfer's columns. */
export function transactionColumns(data: Transaction & Partial<InitiatedTransaction>): TransferUpdate {
  const update: TransferUpdate = { state: stageOf(data.tx_status), txStatus: data.tx_status };
  if (data.txstatus_desc) update.txStatusText = data.txstatus_desc;
  if (data.tid) update.tid = data.tid;
  const bankRef = data.bank_ref_num || data.utrnumber;
  if (bankRef) update.bankRef = bankRef;
  const fee = paise(data.fee);
  if (fee !== undefined) update.feePaise = fee;
  const collectable = paise(data.collectable_amount);
  if (collectable !== undefined) update.collectablePaise = collectable;
  if (data.recipient_name) update.recipientName = data.recipient_name;
  if (data.bank) update.recipientBank = data.bank;
  if (data.account) update.recipientAccountMasked = maskAccount(data.account);
  return update;
}

/**
 * Initiate Transaction's outcome as the transfer's state. Eko's refusal moved no money; so did a request that never
 * left (`not-sent`, or no connection at all). Anything else without a `tx_status` (no answer in time, a broken or
 * unreadable answer, an HTTP error from a gateway in front of Eko) is `unknown`: Transaction Inquiry settles it.
 */
export function initiateColumns(outcome: EkoOutcome<InitiatedTransaction> | NotSent, latencyMs: number): TransferUpdate {
  if (outcome.kind === "not-sent") return { state: "not-sent", failureReason: outcome.reason, latencyMs: 0 };
  const answer = answerColumnsOf(outcome, latencyMs);
  if (outcome.kind === "ok") return { ...answer, ...transactionColumns(outcome.data) };
  if (outcome.kind === "rejected") return { ...answer, state: "refused" };
  if (outcome.kind === "failed" && outcome.reason !== "http") return { ...answer, state: outcome.reason === "auth" ? "refused" : "not-sent" };
  return { ...answer, state: "unknown" };
}
