import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { otpRequests, type NewOtpRequestRow, type OtpRequestRow, type OtpRequestState } from "@/lib/db/schema";
import type { LimitName, OtpRequestResult } from "./result";

/** `createdAt` defaults to the database's clock; the service passes its own so limit windows share one clock. */
export type PendingRequest = Omit<NewOtpRequestRow, "id" | "state" | "completedAt" | "result">;

export type Completion = {
  state: Exclude<OtpRequestState, "pending" | "limited">;
  otpRefId?: string | null;
  failureReason?: string | null;
  ekoStatus?: number | null;
  ekoResponseStatusId?: number | null;
  ekoResponseTypeId?: number | null;
  ekoMessage?: string | null;
  httpStatus?: number | null;
  latencyMs: number;
  /** What the agent was shown, for a repeat of the same submission. */
  result?: OtpRequestResult;
};

export type InsertedRow = { id: number; createdAt: Date };

/**
 * Inserts one row, unless a row with the same submission id exists: then `null`, and the caller reads that row.
 * The UNIQUE constraint settles concurrent duplicates, across processes and instances.
 */
async function insertOnce(db: Db, row: NewOtpRequestRow): Promise<InsertedRow | null> {
  const [inserted] = await db
    .insert(otpRequests)
    .values(row)
    .onConflictDoNothing({ target: otpRequests.submissionId })
    .returning({ id: otpRequests.id, createdAt: otpRequests.createdAt });
  return inserted ?? null;
}

/** Written before Eko is called: if the process dies mid-call, this row is what remains. */
export async function recordPending(db: Db, request: PendingRequest): Promise<InsertedRow | null> {
  return insertOnce(db, { ...request, state: "pending" });
}

/** A request the desk refused under one of its limits: complete from the start, and never sent to Eko. */
export async function recordLimited(
  db: Db,
  request: PendingRequest,
  refusal: { limit: LimitName; result: Extract<OtpRequestResult, { status: "limited" }> },
): Promise<InsertedRow | null> {
  const at = request.createdAt ?? new Date();
  return insertOnce(db, { ...request, createdAt: at, state: "limited", failureReason: refusal.limit, result: refusal.result, completedAt: at });
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

export async function findBySubmission(db: Db, submissionId: string): Promise<OtpRequestRow | undefined> {
  const [row] = await db.select().from(otpRequests).where(eq(otpRequests.submissionId, submissionId)).limit(1);
  return row;
}
