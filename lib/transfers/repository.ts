import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, notInArray, or } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { MONEY_NOT_MOVED, otpRequests, transfers, type NewTransferRow, type OtpRequestRow, type TransferRow } from "@/lib/db/schema";
import { insertCountedTransfer, updateCountedTransfers } from "./rollups";

/** The agent's own OTP request, in whatever state: what a transfer on it will move once it is `sent`. */
export async function findAgentOtpRequest(db: Db, clientRefId: string, agent: string): Promise<OtpRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(otpRequests)
    .where(and(eq(otpRequests.clientRefId, clientRefId), eq(otpRequests.agent, agent)))
    .limit(1);
  return row;
}

/**
 * Written before Initiate Transaction is sent. Null when the submission is already recorded, or the OTP request
 * already has a transfer that may have moved money: the unique indexes settle races across tabs and instances.
 */
export async function insertPendingTransfer(db: Db, row: NewTransferRow): Promise<TransferRow | null> {
  return insertCountedTransfer(db, row);
}

export async function findTransferBySubmission(db: Db, submissionId: string): Promise<TransferRow | undefined> {
  const [row] = await db.select().from(transfers).where(eq(transfers.submissionId, submissionId)).limit(1);
  return row;
}

/** The transfer on this OTP request that may have moved money, if any. */
export async function findLiveTransfer(db: Db, otpRequestId: number): Promise<TransferRow | undefined> {
  const [row] = await db
    .select()
    .from(transfers)
    .where(and(eq(transfers.otpRequestId, otpRequestId), notInArray(transfers.state, [...MONEY_NOT_MOVED])))
    .limit(1);
  return row;
}

export async function findTransfer(db: Db, ref: string): Promise<TransferRow | undefined> {
  const [row] = await db.select().from(transfers).where(eq(transfers.clientRefId, ref)).limit(1);
  return row;
}

export type TransferUpdate = Partial<Omit<TransferRow, "id" | "clientRefId" | "submissionId" | "otpRequestId" | "createdAt" | "changedAt">>;

/** Sets Initiate Transaction's outcome once: a row no longer pending is left as it is. */
export async function completeTransfer(db: Db, ref: string, update: TransferUpdate): Promise<TransferRow | undefined> {
  const [row] = await updateCountedTransfers(db, and(eq(transfers.clientRefId, ref), eq(transfers.state, "pending")), update);
  return row;
}

/** Records an inquiry's result, unless another check settled the row meanwhile. */
export async function recordCheck(
  db: Db,
  ref: string,
  expectedState: TransferRow["state"],
  update: TransferUpdate,
): Promise<TransferRow | undefined> {
  const [row] = await updateCountedTransfers(db, and(eq(transfers.clientRefId, ref), eq(transfers.state, expectedState)), update);
  return row;
}

/**
 * Takes up to `limit` transfers due for a check, each for `leaseUntil`: another instance skips rows taken here (FOR
 * UPDATE SKIP LOCKED) and, once the lease passes without a result (this process died), takes them itself.
 */
export async function claimDueTransfers(
  db: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
  /** One transfer, due or not (the agent's "Check now"), if not checked since `checkedBefore`; null agent: anyone's. */
  only?: { ref: string; agent: string | null; checkedBefore: Date },
): Promise<TransferRow[]> {
  const due = only
    ? and(
        eq(transfers.clientRefId, only.ref),
        only.agent === null ? undefined : eq(transfers.agent, only.agent),
        isNotNull(transfers.nextCheckAt),
        or(isNull(transfers.lastCheckAt), lt(transfers.lastCheckAt, only.checkedBefore)),
      )
    : lte(transfers.nextCheckAt, now);
  const ids = db
    .select({ id: transfers.id })
    .from(transfers)
    .where(due)
    .orderBy(asc(transfers.nextCheckAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db.update(transfers).set({ nextCheckAt: leaseUntil }).where(inArray(transfers.id, ids)).returning();
}
