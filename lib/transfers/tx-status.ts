/**
 * Where a transfer stands, from Eko's `tx_status` (Initiate Transaction's answer or Transaction Inquiry's). Eko's
 * codes: 0 success, 1 failed, 2 initiated / awaited (NEFT), 3 refund pending, 4 refunded, 5 on hold; its error-code
 * tables also use 6 for "response awaited". Anything else is still in progress: asked again, never guessed.
 */
export const TRANSFER_STAGES = ["success", "failed", "awaited", "refund-pending", "refunded", "on-hold", "in-progress"] as const;
export type TransferStage = (typeof TRANSFER_STAGES)[number];

const BY_TX_STATUS: Record<number, TransferStage> = {
  0: "success",
  1: "failed",
  2: "awaited",
  3: "refund-pending",
  4: "refunded",
  5: "on-hold",
};

export function stageOf(txStatus: number): TransferStage {
  return BY_TX_STATUS[txStatus] ?? "in-progress";
}

/**
 * Whether Eko may still change its answer without the desk doing anything: then Transaction Inquiry keeps asking.
 * A refund pending waits for the agent (the refund), not for Eko.
 */
export function awaitsEko(stage: TransferStage): boolean {
  return stage === "awaited" || stage === "on-hold" || stage === "in-progress";
}
