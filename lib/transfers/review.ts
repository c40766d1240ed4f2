import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import { ekoCalls, otpRequests, transfers, type TransferRow, type TransferState } from "@/lib/db/schema";
import { lastWrittenSql, newestIdSql, versionOf } from "@/lib/ledger/versions";
import { getMobileVault } from "@/lib/privacy/mobile-vault";
import { refundsOf } from "@/lib/refunds/repository";
import { transferWhere } from "./ledger-summary";
import type { TransferFilters } from "./review-filters";
import { summarizeTransfers } from "./summary";
import type { TransferSummary } from "./summary-chart";
import { transferViewOf, type TransferView } from "./view";

/** Transfers someone must watch: Eko has not settled them, or a refund is due. */
export const NEEDS_ATTENTION: readonly TransferState[] = ["unknown", "pending", "awaited", "on-hold", "in-progress", "refund-pending"];
/** A transfer pending longer than this lost its process mid-call (the worker will take it up): show it. */
const PENDING_NOTICE_MS = 60_000;

export type AttentionItem = TransferView & { ageMs: number };
export type NeedsAttention = { counts: { state: TransferState; count: number; oldestAgeMs: number }[]; items: AttentionItem[] };

/** The open transfers, oldest first, with the count and oldest age per state: the top of every review page. */
export async function getNeedsAttention(limit = 20, now = new Date()): Promise<NeedsAttention> {
  const db = await getDb();
  const open = and(
    inArray(transfers.state, [...NEEDS_ATTENTION]),
    or(sql`${transfers.state} <> 'pending'`, lt(transfers.createdAt, new Date(now.getTime() - PENDING_NOTICE_MS))),
  );
  const [counts, rows] = await Promise.all([
    db
      .select({ state: transfers.state, count: sql<number>`count(*)::int`, oldestAt: sql<Date>`min(${transfers.createdAt})` })
      .from(transfers)
      .where(open)
      .groupBy(transfers.state),
    db.select().from(transfers).where(open).orderBy(asc(transfers.createdAt)).limit(limit),
  ]);
  return {
    counts: counts.map((c) => ({ state: c.state, count: c.count, oldestAgeMs: now.getTime() - new Date(c.oldestAt).getTime() })),
    items: rows.map((row) => ({ ...transferViewOf(row), ageMs: now.getTime() - row.createdAt.getTime() })),
  };
}

/**
 * A fingerprint of what the transfers' review shows: every write that changes a transfer stamps `changed_at`, and a
 * new one moves the newest id; both are read through an index, so an unchanged answer costs little.
 */
export async function getTransfersVersion(): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ written: lastWrittenSql(transfers.changedAt, transfers), newest: newestIdSql(transfers.id, transfers) })
    .from(sql`(select 1) one`);
  return versionOf([row?.written, row?.newest]);
}

/** The page's totals and chart: see summarizeTransfers. */
export async function getTransferSummary(filters: TransferFilters): Promise<TransferSummary> {
  return summarizeTransfers(await getDb(), filters);
}

/** A transfer as the review's live table holds it: the view, and its id to order and merge by. */
export type TransferReviewRow = TransferView & { id: number };

const reviewRowOf = (row: TransferRow): TransferReviewRow => ({ ...transferViewOf(row), id: row.id });

async function newest(condition: SQL | undefined, limit: number): Promise<TransferReviewRow[]> {
  const db = await getDb();
  const rows = await db.select().from(transfers).where(condition).orderBy(desc(transfers.createdAt), desc(transfers.id)).limit(limit);
  return rows.map(reviewRowOf);
}

/** The newest filtered transfers (a page of them), for the table. */
export const listTransfers = (filters: TransferFilters, limit = 50) => newest(transferWhere(filters), limit);

/**
 * The transfers changed at or after `after` within every filter but the state, newest first, at most `limit` (then
 * `truncated`): the state is what changes, so rows that changed out of a state filter come back as `removed`.
 */
export async function listTransferChanges(db: Db, filters: TransferFilters, after: Date, limit: number) {
  const matches = filters.state ? eq(transfers.state, filters.state) : sql`true`;
  const rows = await db
    .select({ row: transfers, matches: sql<boolean>`${matches}` })
    .from(transfers)
    .where(and(transferWhere({ ...filters, state: undefined }), gte(transfers.changedAt, after)))
    // In its index's order the scan reads only the entries changed since `after`, whatever the planner estimates.
    .orderBy(asc(transfers.changedAt))
    .limit(limit + 1);
  const kept = rows.slice(0, limit).sort((a, b) => b.row.createdAt.getTime() - a.row.createdAt.getTime() || b.row.id - a.row.id);
  return {
    rows: kept.filter((r) => r.matches).map((r) => reviewRowOf(r.row)),
    removed: kept.filter((r) => !r.matches).map((r) => r.row.id),
    truncated: rows.length > limit,
  };
}

/** The newest transfers of one customer, found by the keyed hash of their exact mobile (never stored in clear). */
export const findTransfersByMobile = (mobile: string, limit = 50) => newest(eq(transfers.customerMobileHash, getMobileVault().hash(mobile)), limit);

/** Every filtered transfer, a batch at a time in keyset order (newest first): for the CSV export. */
export async function* iterateTransfers(db: Db, filters: TransferFilters, batch = 1_000): AsyncGenerator<TransferRow[]> {
  let cursor: { createdAt: Date; id: number } | null = null;
  for (;;) {
    const after: SQL | undefined = cursor
      ? or(lt(transfers.createdAt, cursor.createdAt), and(eq(transfers.createdAt, cursor.createdAt), lt(transfers.id, cursor.id)))
      : undefined;
    const rows: TransferRow[] = await db
      .select()
      .from(transfers)
      .where(and(transferWhere(filters), after))
      .orderBy(desc(transfers.createdAt), desc(transfers.id))
      .limit(batch);
    if (rows.length === 0) return;
    yield rows;
    const last: TransferRow = rows[rows.length - 1]!;
    cursor = { createdAt: last.createdAt, id: last.id };
    if (rows.length < batch) return;
  }
}

export type TransferCall = {
  operation: string;
  clientRefId: string;
  state: string;
  at: string;
  latencyMs: number | null;
  ekoStatus: number | null;
  ekoMessage: string | null;
  failureReason: string | null;
};

type CallRow = Pick<TransferRow, "clientRefId" | "createdAt" | "latencyMs" | "ekoStatus" | "ekoMessage" | "failureReason"> & { state: string };

/** Any ledger row of an Eko call (they share ekoCallColumns) as a line of a transfer's calls. */
const callOf = (operation: string, row: CallRow): TransferCall => ({
  operation,
  clientRefId: row.clientRefId,
  state: row.state,
  at: row.createdAt.toISOString(),
  latencyMs: row.latencyMs,
  ekoStatus: row.ekoStatus,
  ekoMessage: row.ekoMessage,
  failureReason: row.failureReason,
});

/** A transfer with every Eko call made for it: the OTP, Initiate Transaction, each inquiry; oldest first. */
export async function getTransferDetail(ref: string): Promise<{ transfer: TransferView; calls: TransferCall[] } | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(transfers).where(eq(transfers.clientRefId, ref)).limit(1);
  if (!row) return undefined;
  const [otp, refundRows] = await Promise.all([
    db.select().from(otpRequests).where(eq(otpRequests.id, row.otpRequestId)).limit(1),
    refundsOf(db, row.id),
  ]);
  // The transfer's inquiries and refund OTPs name the transfer; a refund's own inquiries name the refund.
  const about = [ref, ...refundRows.map((r) => r.clientRefId)];
  const calls = await db.select().from(ekoCalls).where(inArray(ekoCalls.aboutRefId, about)).orderBy(asc(ekoCalls.createdAt), asc(ekoCalls.id));
  // The OTP request's, the transfer's and each refund's own rows are the ledger rows of Send OTP, Initiate Transaction
  // and Initiate Refund.
  const all = [
    ...otp.map((o) => callOf("send-transaction-otp", o)),
    callOf("initiate-transaction", row),
    ...refundRows.map((r) => callOf("initiate-refund", r)),
    ...calls.map((c) => callOf(c.operation, c)),
  ];
  return { transfer: transferViewOf(row), calls: all.sort((a, b) => a.at.localeCompare(b.at)) };
}
