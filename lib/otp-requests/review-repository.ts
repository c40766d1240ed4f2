import "server-only";
import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { otpRequests, type OtpRequestRow } from "@/lib/db/schema";
import { MASK } from "@/lib/privacy/mask";
import { dayRange, encodeCursor, type ReviewCursor, type ReviewPage, type ReviewRow, type ReviewSummary, type UrlFilters } from "./review-filters";

export type ReviewQuery = {
  filters: UrlFilters;
  /** Keyed hash of the exact customer mobile, when the supervisor searched for one. */
  mobileHash?: string;
  /** Pending rows created before this read as `unknown`. */
  staleBefore: Date;
};

const t = otpRequests;

function effectiveState(staleBefore: Date) {
  return sql<string>`case when ${t.state} = 'pending' and ${t.createdAt} < ${staleBefore} then 'unknown' else ${t.state} end`;
}

function outcomeCondition(outcome: UrlFilters["outcome"], staleBefore: Date): SQL | undefined {
  if (!outcome) return undefined;
  if (outcome === "unknown") return or(eq(t.state, "unknown"), and(eq(t.state, "pending"), lt(t.createdAt, staleBefore)));
  if (outcome === "pending") return and(eq(t.state, "pending"), gte(t.createdAt, staleBefore));
  return eq(t.state, outcome);
}

function where({ filters, mobileHash, staleBefore }: ReviewQuery, cursor?: ReviewCursor): SQL | undefined {
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

/** One page, newest first, by keyset: `(created_at, id)` below the cursor. The full mobile is never selected. */
export async function listRequests(db: Db, query: ReviewQuery, options: { cursor?: ReviewCursor; limit: number }): Promise<ReviewPage> {
  const rows = await db
    .select({
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
      state: effectiveState(query.staleBefore),
      otpRefId: t.otpRefId,
      failureReason: t.failureReason,
      ekoStatus: t.ekoStatus,
      ekoResponseStatusId: t.ekoResponseStatusId,
      ekoResponseTypeId: t.ekoResponseTypeId,
      ekoMessage: t.ekoMessage,
      httpStatus: t.httpStatus,
      latencyMs: t.latencyMs,
    })
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

const FLAG_WINDOW = sql.raw("interval '15 minutes'");
const FLAG_THRESHOLD = 3;

/** Count, share sent, latency percentiles, top rejections and customers with 3+ requests within 15 minutes. */
export async function summarizeRequests(db: Db, query: ReviewQuery): Promise<ReviewSummary> {
  const condition = where(query);
  const state = effectiveState(query.staleBefore);
  const [totals] = await db
    .select({
      count: sql<number>`count(*)::int`,
      sent: sql<number>`(count(*) filter (where ${state} = 'sent'))::int`,
      p50: sql<number | null>`percentile_cont(0.5) within group (order by ${t.latencyMs})`,
      p95: sql<number | null>`percentile_cont(0.95) within group (order by ${t.latencyMs})`,
    })
    .from(t)
    .where(condition);

  const topRejections = await db
    .select({ message: sql<string>`coalesce(${t.ekoMessage}, '(no message)')`, status: t.ekoStatus, count: sql<number>`count(*)::int` })
    .from(t)
    .where(and(condition, eq(t.state, "rejected")))
    .groupBy(sql`1`, t.ekoStatus)
    .orderBy(sql`3 desc`)
    .limit(5);

  const windowed = db
    .select({
      hash: t.customerMobileHash,
      last4: t.customerMobileLast4,
      createdAt: t.createdAt,
      inWindow: sql<number>`count(*) over (partition by ${t.customerMobileHash} order by ${t.createdAt} range between ${FLAG_WINDOW} preceding and current row)`.as(
        "in_window",
      ),
    })
    .from(t)
    .where(condition)
    .as("windowed");
  const flagged = await db
    .select({
      last4: sql<string>`max(${windowed.last4})`,
      requests: sql<number>`max(${windowed.inWindow})::int`,
      lastAt: sql<Date>`max(${windowed.createdAt})`,
    })
    .from(windowed)
    .where(sql`${windowed.inWindow} >= ${FLAG_THRESHOLD}`)
    .groupBy(windowed.hash)
    .orderBy(sql`2 desc`, sql`3 desc`)
    .limit(20);

  const round = (value: number | null | undefined) => (value == null ? null : Math.round(Number(value)));
  return {
    count: totals?.count ?? 0,
    sent: totals?.sent ?? 0,
    p50LatencyMs: round(totals?.p50),
    p95LatencyMs: round(totals?.p95),
    topRejections,
    flaggedCustomers: flagged.map((f) => ({
      customerMobileMasked: `${MASK}${f.last4}`,
      requests: f.requests,
      lastAt: new Date(f.lastAt).toISOString(),
    })),
  };
}
