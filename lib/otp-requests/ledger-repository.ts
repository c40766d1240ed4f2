import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { otpRequests, type NewOtpRequestRow, type OtpRequestState } from "@/lib/db/schema";

export type PendingRequest = Omit<NewOtpRequestRow, "id" | "state" | "createdAt" | "completedAt">;

export type Completion = {
  state: Exclude<OtpRequestState, "pending">;
  otpRefId?: string | null;
  failureReason?: string | null;
  ekoStatus?: number | null;
  ekoResponseStatusId?: number | null;
  ekoResponseTypeId?: number | null;
  ekoMessage?: string | null;
  httpStatus?: number | null;
  latencyMs: number;
};

/** Written before Eko is called: if the process dies mid-call, this row is what remains. */
export async function recordPending(db: Db, request: PendingRequest): Promise<{ id: number; createdAt: Date }> {
  const [row] = await db
    .insert(otpRequests)
    .values({ ...request, state: "pending" })
    .returning({ id: otpRequests.id, createdAt: otpRequests.createdAt });
  if (!row) throw new Error("The ledger returned no row for the insert");
  return row;
}

/** Completes a pending row once; a row already completed is never overwritten. */
export async function recordOutcome(db: Db, clientRefId: string, completion: Completion): Promise<boolean> {
  const updated = await db
    .update(otpRequests)
    .set({ ...completion, completedAt: new Date() })
    .where(and(eq(otpRequests.clientRefId, clientRefId), eq(otpRequests.state, "pending")))
    .returning({ id: otpRequests.id });
  return updated.length === 1;
}
