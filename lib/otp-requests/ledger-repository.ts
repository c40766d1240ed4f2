import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { run, statement } from "@/lib/db/statements";
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

// On every OTP request, so a fixed statement (lib/db/statements.ts); the columns are otpRequests' in lib/db/schema.ts.
const COMPLETE_PENDING = statement(
  "complete_pending",
  `update otp_requests
      set state = $2, otp_ref_id = $3, failure_reason = $4, eko_status = $5, eko_response_status_id = $6,
          eko_response_type_id = $7, eko_message = $8, http_status = $9, latency_ms = $10, result = $11::jsonb,
          completed_at = $12::timestamptz
    where client_ref_id = $1 and state = 'pending'`,
);

/** Completes a pending row once; a row already completed is never overwritten. False when no pending row was found. */
export async function recordOutcome(db: Db, clientRefId: string, completion: Completion): Promise<boolean> {
  const { count } = await run(db, COMPLETE_PENDING, [
    clientRefId,
    completion.state,
    completion.otpRefId ?? null,
    completion.failureReason ?? null,
    completion.ekoStatus ?? null,
    completion.ekoResponseStatusId ?? null,
    completion.ekoResponseTypeId ?? null,
    completion.ekoMessage ?? null,
    completion.httpStatus ?? null,
    completion.latencyMs,
    completion.result === undefined ? null : JSON.stringify(completion.result),
    new Date().toISOString(),
  ]);
  return count === 1;
}

export async function findBySubmission(db: Db, submissionId: string): Promise<OtpRequestRow | undefined> {
  const [row] = await db.select().from(otpRequests).where(eq(otpRequests.submissionId, submissionId)).limit(1);
  return row;
}
