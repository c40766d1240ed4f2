import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/lib/db/open";
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
async function insertOnce(db: Queryable, row: NewOtpRequestRow): Promise<InsertedRow | null> {
  const [inserted] = await db
    .insert(otpRequests)
    .values(row)
    .onConflictDoNothing({ target: otpRequests.submissionId })
    .returning({ id: otpRequests.id, createdAt: otpRequests.createdAt });
  return inserted ?? null;
}

/** Written before Eko is called: if the process dies mid-call, this row is what remains. */
export async function recordPending(db: Queryable, request: PendingRequest): Promise<InsertedRow | null> {
  return insertOnce(db, { ...request, state: "pending" });
}

/** A request the desk refused under one of its limits: complete from the start, and never sent to Eko. */
export async function recordLimited(
  db: Queryable,
  request: PendingRequest,
  refusal: { limit: LimitName; result: Extract<OtpRequestResult, { status: "limited" }> },
): Promise<InsertedRow | null> {
  const at = request.createdAt ?? new Date();
  return insertOnce(db, { ...request, createdAt: at, state: "limited", failureReason: refusal.limit, result: refusal.result, completedAt: at });
}

// Any number of completions in one statement: one JSON array, so any text (Eko's messages) needs no escaping of
// ours. The columns are otpRequests' in lib/db/schema.ts.
const completePending = (completions: string) => sql`update otp_requests as o
      set state = v.state, otp_ref_id = v.otp_ref_id, failure_reason = v.failure_reason, eko_status = v.eko_status,
          eko_response_status_id = v.eko_response_status_id, eko_response_type_id = v.eko_response_type_id,
          eko_message = v.eko_message, http_status = v.http_status, latency_ms = v.latency_ms, result = v.result,
          completed_at = v.completed_at
     from jsonb_to_recordset(${completions}::jsonb) as v(
            client_ref_id varchar, state text, otp_ref_id text, failure_reason text, eko_status integer,
            eko_response_status_id integer, eko_response_type_id integer, eko_message text, http_status integer,
            latency_ms integer, result jsonb, completed_at timestamptz)
    where o.client_ref_id = v.client_ref_id and o.state = 'pending'
  returning o.client_ref_id`;

export type DatedCompletion = { clientRefId: string; completion: Completion; completedAt: Date };

/**
 * Completes pending rows, each once: a row already completed is never overwritten. Returns the client_ref_ids of the
 * rows it completed; one missing was not found pending.
 */
export async function completeRequests(db: Db, items: readonly DatedCompletion[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const rows = items.map(({ clientRefId, completion: c, completedAt }) => ({
    client_ref_id: clientRefId,
    state: c.state,
    otp_ref_id: c.otpRefId ?? null,
    failure_reason: c.failureReason ?? null,
    eko_status: c.ekoStatus ?? null,
    eko_response_status_id: c.ekoResponseStatusId ?? null,
    eko_response_type_id: c.ekoResponseTypeId ?? null,
    eko_message: c.ekoMessage ?? null,
    http_status: c.httpStatus ?? null,
    latency_ms: c.latencyMs,
    result: c.result ?? null,
    completed_at: completedAt.toISOString(),
  }));
  const { rows: completed } = await db.execute<{ client_ref_id: string }>(completePending(JSON.stringify(rows)));
  return new Set(completed.map((row) => row.client_ref_id));
}

export async function findBySubmission(db: Db, submissionId: string): Promise<OtpRequestRow | undefined> {
  const [row] = await db.select().from(otpRequests).where(eq(otpRequests.submissionId, submissionId)).limit(1);
  return row;
}
