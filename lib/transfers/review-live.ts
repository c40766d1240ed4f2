import "server-only";
import { getDb } from "@/lib/db/client";
import { CHANGES_OVERLAP_MS, REVIEW_CHANGES_LIMIT, type LiveChanges, type LivePage } from "@/lib/ledger/live-rows";
import { encodeCursor } from "@/lib/otp-requests/review-filters";
import {
  getNeedsAttention,
  getTransfersVersion,
  getTransferSummary,
  listTransferChanges,
  listTransfers,
  type NeedsAttention,
  type TransferReviewRow,
} from "./review";
import type { TransferFilters } from "./review-filters";
import type { TransferSummary } from "./summary-chart";

export const TRANSFERS_PAGE_SIZE = 50;

/** What the transfers' review asks: its filters, the `since` of the rows it holds, the version its board was read at. */
export type TransfersLiveRequest = { filters: TransferFilters; since?: string; knownVersion?: string };

/**
 * The transfers' review, live: the table's newest page, or what changed since the browser's `since`; and, when the
 * version moved from the one the browser holds, the attention list and totals read afresh (`board`).
 */
export type TransfersLive = {
  version: string;
  rows: ({ kind: "page" } & LivePage<TransferReviewRow>) | ({ kind: "changes" } & LiveChanges<TransferReviewRow>);
  board: { attention: NeedsAttention; summary: TransferSummary } | null;
};

export async function getTransfersLive({ filters, since, knownVersion }: TransfersLiveRequest): Promise<TransfersLive> {
  const now = Date.now();
  // The version first: a write landing while the rest is read moves it past this one, so the next poll reads again.
  const version = await getTransfersVersion();
  const rows = since ? changesSince(filters, Number(since), now) : firstPage(filters, now);
  const board = version === knownVersion ? null : Promise.all([getNeedsAttention(), getTransferSummary(filters)]);
  const [read, both] = await Promise.all([rows, board]);
  return { version, rows: read, board: both ? { attention: both[0], summary: both[1] } : null };
}

async function firstPage(filters: TransferFilters, now: number): Promise<TransfersLive["rows"]> {
  const rows = await listTransfers(filters, TRANSFERS_PAGE_SIZE);
  const last = rows.length === TRANSFERS_PAGE_SIZE ? rows[rows.length - 1] : undefined;
  const nextCursor = last ? encodeCursor({ createdAt: new Date(last.createdAt), id: last.id }) : null;
  return { kind: "page", rows, nextCursor, since: String(now) };
}

async function changesSince(filters: TransferFilters, since: number, now: number): Promise<TransfersLive["rows"]> {
  const changes = await listTransferChanges(await getDb(), filters, new Date(since - CHANGES_OVERLAP_MS), REVIEW_CHANGES_LIMIT);
  return { kind: "changes", rows: changes.rows, removed: changes.removed, since: String(now), reset: changes.truncated };
}
