import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/lib/db/open";
import type { AnswerColumns } from "@/lib/ledger/answer-columns";
import { otpRequests, type NewOtpRequestRow, type OtpRequestRow, type OtpRequestState } from "@/lib/db/schema";
import type { LimitName, OtpRequestResult } from "./result";
import { inDbSpan } from "@/lib/observability/tracing";
import { countedReturning, rollupCtes } from "./rollups";

/** `createdAt` defaults to the database's clock; the service passes its own so limit windows share one clock. */
export type PendingRequest = Omit<NewOtpRequestRow, "id" | "state" | "completedAt" | "result">;

export type Completion = Partial<AnswerColumns> & {
  state: Exclude<OtpRequestState, "pending" | "limited">;
  otpRefId?: string | null;
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
  const insert = db
    .insert(otpRequests)
    .values({ ...request, createdAt: at, state: "limited", failureReason: refusal.limit, result: refusal.result, completedAt: at })
    .onConflictDoNothing({ target: otpRequests.submissionId })
    .returning({ ...countedReturning(), id: otpRequests.id });
  // Complete from the start, so counted by the rollups in the same statement.
  const done = db.$with("done", { id: sql<number>`id`.as("id"), createdAt: sql<Date>`created_at`.as("created_at") }).as(insert.getSQL());
  const [row] = await db
    .with(done, ...rollupCtes(db))
    .select({ id: done.id, createdAt: done.createdAt })
    .from(done);
  return row ? { id: Number(row.id), createdAt: new Date(row.createdAt) } : null;
}

export type DatedCompletion = { clientRefId: string; completion: Completion; completedAt: Date };

/** The columns a completion sets, read from one JSON record per row. */
const COMPLETED = [
  "state",
  "otpRefId",
  "failureReason",
  "ekoStatus",
  "ekoResponseStatusId",
  "ekoResponseTypeId",
  "ekoMessage",
  "httpStatus",
  "latencyMs",
  "result",
  "completedAt",
] as const;

// Any number of completions in one statement, prepared once per database: one JSON array, so any text (Eko's
// messages) needs no escaping of ours, and the embedded database does not plan it anew for every answer.
function prepareCompletion(db: Db) {
  const columns = COMPLETED.map((key) => sql`${sql.identifier(otpRequests[key].name)} ${sql.raw(otpRequests[key].getSQLType())}`);
  const records = sql`jsonb_to_recordset(${sql.placeholder("completions")}::jsonb) as v(client_ref_id varchar, ${sql.join(columns, sql`, `)})`;
  const fromRecord = Object.fromEntries(COMPLETED.map((key) => [key, sql`v.${sql.identifier(otpRequests[key].name)}`]));
  const update = db
    .update(otpRequests)
    .set(fromRecord)
    .from(records)
    .where(and(eq(otpRequests.clientRefId, sql`v.client_ref_id`), eq(otpRequests.state, "pending")))
    .returning(countedReturning());
  // The rollups count each completed row in the same statement (see ./rollups.ts).
  const done = db.$with("done", { clientRefId: sql<string>`client_ref_id`.as("client_ref_id") }).as(update.getSQL());
  return db
    .with(done, ...rollupCtes(db))
    .select({ clientRefId: done.clientRefId })
    .from(done)
    .prepare("complete_pending");
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareCompletion>>();

/**
 * Completes pending rows, each once: a row already completed is never overwritten. Returns the client_ref_ids of the
 * rows it completed; one missing was not found pending.
 */
export async function completeRequests(db: Db, items: readonly DatedCompletion[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const records = items.map(({ clientRefId, completion, completedAt }) => {
    const values = { ...completion, completedAt: completedAt.toISOString() };
    return { client_ref_id: clientRefId, ...Object.fromEntries(COMPLETED.map((key) => [otpRequests[key].name, values[key] ?? null])) };
  });
  let statement = prepared.get(db);
  if (!statement) prepared.set(db, (statement = prepareCompletion(db)));
  const run = statement;
  const completed = await inDbSpan("otp-completion", () => run.execute({ completions: JSON.stringify(records) }));
  return new Set(completed.map((row) => row.clientRefId));
}

export async function findBySubmission(db: Db, submissionId: string): Promise<OtpRequestRow | undefined> {
  const [row] = await db.select().from(otpRequests).where(eq(otpRequests.submissionId, submissionId)).limit(1);
  return row;
}
