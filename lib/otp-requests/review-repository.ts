import "server-only";
import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { otpRequests, type OtpRequestRow } from "@/lib/db/schema";
import { MASK } from "@/lib/privacy/mask";
import { dayRange, encodeCursor, type ReviewChanges, type ReviewCursor, type ReviewPage, type ReviewRow, type UrlFilters } from "./review-filters";

export type ReviewQuery = {
  filters: UrlFilters;
  /** Keyed hash of the exact customer mobile, when the supervisor searched for one. */
  mobileHash?: string;
  /** Pending rows created before this read as `unknown`. */
  staleBefore: Date;
};

const t = otpRequests;

export function effectiveState(staleBefore: Date) {
  return sql<string>`case when ${t.state} = 'pending' and ${t.createdAt} < ${staleBefore} then 'unknown' else ${t.state} end`;
}

function outcomeCondition(outcome: UrlFilters["outcome"], staleBefore: Date): SQL | undefined {
  if (!outcome) return undefined;
  if (outcome === "unknown") return or(eq(t.state, "unknown"), and(eq(t.state, "pending"), lt(t.createdAt, staleBefore)));
  if (outcome === "pending") return and(eq(t.state, "pending"), gte(t.createdAt, staleBefore));
  return eq(t.state, outcome);
}

/** The review's filters as a condition on the ledger; the ledger summary reads the same rows as the table. */
export function where({ filters, mobileHash, staleBefore }: ReviewQuery, cursor?: ReviewCursor): SQL | undefined {
  const { start, end } = dayRange(filters);
  return and(
    outcomeCondition(filters.outcome, staleBefore),
    filters.agent ? eq(t.agent, filters.agent) : undefined,
    start ? gte(t.createdAt, start) : undefined,
    end ? lt(t.createdAt, end) : undefined,
    filters.min !== undefined ? gte(t.amount, filters.min) : undefined,
    filters.max !== undefined ? lte(t.amount, filters.max) : undefined,
    mobileHash ? eq(t.customerMobileHash, mobileHash) : undefined,
    cursor ? sql`(${t.createdAt}, ${t.id}) < (${cursor.createdAt}, ${cursor.id})` : undefined,
  );
}

type SelectedRow = Omit<
  OtpRequestRow,
  "customerMobileHash" | "customerMobileEncrypted" | "state" | "completedAt" | "submissionId" | "agentId" | "result" | "channel"
> & {
  state: string;
};

function toReviewRow(row: SelectedRow): ReviewRow {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    agent: row.agent,
    userCode: row.userCode,
    customerMobileMasked: `${MASK}${row.customerMobileLast4}`,
    recipientId: row.recipientId,
    beneficiaryId: row.beneficiaryId,
    recipientName: row.recipientName,
    recipientBank: row.recipientBank,
    recipientAccountMasked: row.recipientAccountMasked,
    amount: row.amount,
    state: row.state as ReviewRow["state"],
    otpRefId: row.otpRefId,
    failureReason: row.failureReason,
    ekoStatus: row.ekoStatus,
    ekoResponseStatusId: row.ekoResponseStatusId,
    ekoResponseTypeId: row.ekoResponseTypeId,
    ekoMessage: row.ekoMessage,
    httpStatus: row.httpStatus,
    latencyMs: row.latencyMs,
  };
}

const reviewColumns = (staleBefore: Date) => ({
  id: t.id,
  createdAt: t.createdAt,
  clientRefId: t.clientRefId,
  agent: t.agent,
  userCode: t.userCode,
  customerMobileLast4: t.customerMobileLast4,
  recipientId: t.recipientId,
  beneficiaryId: t.beneficiaryId,
  recipientName: t.recipientName,
  recipientBank: t.recipientBank,
  recipientAccountMasked: t.recipientAccountMasked,
  amount: t.amount,
  state: effectiveState(staleBefore),
  otpRefId: t.otpRefId,
  failureReason: t.failureReason,
  ekoStatus: t.ekoStatus,
  ekoResponseStatusId: t.ekoResponseStatusId,
  ekoResponseTypeId: t.ekoResponseTypeId,
  ekoMessage: t.ekoMessage,
  httpStatus: t.httpStatus,
  latencyMs: t.latencyMs,
});

/** One page, newest first, by keyset: `(created_at, id)` below the cursor. The full mobile is never selected. */
export async function listRequests(
  db: Db,
  query: ReviewQuery,
  options: { cursor?: ReviewCursor; limit: number },
): Promise<Omit<ReviewPage, "since">> {
  const rows = await db
    .select(reviewColumns(query.staleBefore))
    .from(t)
    .where(where(query, options.cursor))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit).map(toReviewRow);
  const last = rows.length > options.limit ? page[page.length - 1] : undefined;
  return { rows: page, nextCursor: last ? encodeCursor({ createdAt: new Date(last.createdAt), id: last.id }) : null };
}

/** Every matching row, in pages, for the CSV export: memory stays flat however many rows match. */
export async function* iterateRequests(db: Db, query: ReviewQuery, batchSize = 1_000): AsyncGenerator<ReviewRow[]> {
  let cursor: ReviewCursor | undefined;
  for (;;) {
    const page = await listRequests(db, query, { cursor, limit: batchSize });
    if (page.rows.length > 0) yield page.rows;
    const last = page.rows[page.rows.length - 1];
    if (!page.nextCursor || !last) return;
    cursor = { createdAt: new Date(last.createdAt), id: last.id };
  }
}

/**
 * The rows created or completed at or after `after`, within every filter but the outcome, newest first, at most
 * `limit` (then `truncated`): a row's outcome is the one thing that changes, so rows that changed out of an outcome
 * filter come back as `removed`. Pending rows that went stale since `staleAfter` (they now read `unknown`, with no
 * write) are included too. Indexed: created_at, completed_at, and the unresolved rows.
 */
export async function listChanges(
  db: Db,
  query: ReviewQuery,
  options: { after: Date; staleAfter: Date; limit: number },
): Promise<Omit<ReviewChanges, "since" | "reset"> & { truncated: boolean }> {
  const changed = or(
    gte(t.createdAt, options.after),
    gte(t.completedAt, options.after),
    and(eq(t.state, "pending"), gte(t.createdAt, options.staleAfter)),
  );
  const matches = outcomeCondition(query.filters.outcome, query.staleBefore) ?? sql`true`;
  const rows = await db
    .select({ ...reviewColumns(query.staleBefore), matches: sql<boolean>`${matches}` })
    .from(t)
    .where(and(where({ ...query, filters: { ...query.filters, outcome: undefined } }), changed))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(options.limit + 1);
  const kept = rows.slice(0, options.limit);
  return {
    rows: kept.filter((row) => row.matches).map((row) => toReviewRow(row)),
    removed: kept.filter((row) => !row.matches).map((row) => row.id),
    truncated: rows.length > options.limit,
  };
}
