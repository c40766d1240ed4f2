import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, notInArray, or } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { REFUND_NOT_MADE, refunds, transfers, type NewRefundRow, type RefundRow, type TransferRow } from "@/lib/db/schema";
import { updateCountedTransfers } from "@/lib/transfers/rollups";

export type RefundUpdate = Partial<Omit<RefundRow, "id" | "clientRefId" | "submissionId" | "transferId" | "createdAt">>;

/** Written before Initiate Refund is sent; null when the submission is recorded or the transfer has a live refund. */
export async function insertPendingRefund(db: Db, row: NewRefundRow): Promise<RefundRow | null> {
  const [inserted] = await db.insert(refunds).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function findRefundBySubmission(db: Db, submissionId: string): Promise<RefundRow | undefined> {
  const [row] = await db.select().from(refunds).where(eq(refunds.submissionId, submissionId)).limit(1);
  return row;
}

/** The transfer's refund that may have given money back, if any. */
export async function findLiveRefund(db: Db, transferId: number): Promise<RefundRow | undefined> {
  const [row] = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.transferId, transferId), notInArray(refunds.state, [...REFUND_NOT_MADE])))
    .limit(1);
  return row;
}

/** The transfer's refunds, newest first. */
export async function refundsOf(db: Db, transferId: number): Promise<RefundRow[]> {
  return db.select().from(refunds).where(eq(refunds.transferId, transferId)).orderBy(desc(refunds.createdAt), desc(refunds.id));
}

/** The latest refund of each of these transfers (one query per CSV batch, by refunds_transfer_idx). */
export async function latestRefundsOf(db: Db, transferIds: number[]): Promise<Map<number, RefundRow>> {
  if (transferIds.length === 0) return new Map();
  const rows = await db.select().from(refunds).where(inArray(refunds.transferId, transferIds)).orderBy(asc(refunds.createdAt), asc(refunds.id));
  return new Map(rows.map((row) => [row.transferId, row]));
}

/** Sets one state change of a refund, unless another check or answer changed it meanwhile. */
export async function updateRefund(db: Db, ref: string, expectedState: RefundRow["state"], update: RefundUpdate): Promise<RefundRow | undefined> {
  const [row] = await db
    .update(refunds)
    .set(update)
    .where(and(eq(refunds.clientRefId, ref), eq(refunds.state, expectedState)))
    .returning();
  return row;
}

/** The refund OTP Eko has just texted on the desk's asking: the one Initiate Refund will name. */
export async function recordRefundOtp(db: Db, transferId: number, otpRefId: string, at: Date): Promise<void> {
  await db.update(transfers).set({ refundOtpRefId: otpRefId, refundOtpSentAt: at }).where(eq(transfers.id, transferId));
}

/** The transfer is refunded (Eko's 74, or an inquiry's `tx_status` 4): final, no further check. */
export async function settleTransferRefunded(db: Db, transferId: number, at: Date): Promise<void> {
  await updateCountedTransfers(db, and(eq(transfers.id, transferId), eq(transfers.state, "refund-pending")), {
    state: "refunded",
    txStatus: 4,
    txStatusText: "Refunded",
    settledAt: at,
    nextCheckAt: null,
  });
}

/** Asks Transaction Inquiry about the transfer once more (its state may have changed at Eko). */
export async function recheckTransfer(db: Db, transferId: number, at: Date): Promise<void> {
  await db
    .update(transfers)
    .set({ nextCheckAt: at, changedAt: at })
    .where(and(eq(transfers.id, transferId), isNull(transfers.nextCheckAt)));
}

export async function transferOf(db: Db, transferId: number): Promise<TransferRow | undefined> {
  const [row] = await db.select().from(transfers).where(eq(transfers.id, transferId)).limit(1);
  return row;
}

/** As `claimDueTransfers`: refunds due for a check, each leased until `leaseUntil` (FOR UPDATE SKIP LOCKED). */
export async function claimDueRefunds(
  db: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
  only?: { ref: string; checkedBefore: Date },
): Promise<RefundRow[]> {
  const due = only
    ? and(
        eq(refunds.clientRefId, only.ref),
        isNotNull(refunds.nextCheckAt),
        or(isNull(refunds.lastCheckAt), lt(refunds.lastCheckAt, only.checkedBefore)),
      )
    : lte(refunds.nextCheckAt, now);
  const ids = db
    .select({ id: refunds.id })
    .from(refunds)
    .where(due)
    .orderBy(asc(refunds.nextCheckAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db.update(refunds).set({ nextCheckAt: leaseUntil }).where(inArray(refunds.id, ids)).returning();
}
