import type { TransferState } from "@/lib/db/schema-states";

/**
 * A transfer's stage from Eko's `tx_status` (Initiate Transaction's answer or Transaction Inquiry's): 0 success,
 * 1 failed, 2 initiated / awaited (NEFT), 3 refund pending, 4 refunded, 5 on hold. Anything else (Eko's tables also
 * use 6, "response awaited") is still in progress: asked again, never guessed.
 */
const BY_TX_STATUS: Record<number, TransferState> = {
  0: "success",
  1: "failed",
  2: "awaited",
  3: "refund-pending",
  4: "refunded",
  5: "on-hold",
};

export function stageOf(txStatus: number): TransferState {
  return BY_TX_STATUS[txStatus] ?? "in-progress";
}

const ASK_EKO_AGAIN: ReadonlySet<TransferState> = new Set(["pending", "unknown", "awaited", "on-hold", "in-progress"]);

/**
 * Whether Eko may still change its answer without the desk doing anything: Transaction Inquiry keeps asking. A refund
 * pending waits for the agent (the refund), not for Eko.
 */
export function awaitsEko(state: TransferState): boolean {
  return ASK_EKO_AGAIN.has(state);
}
