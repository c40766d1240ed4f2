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

/** The table's newest page, or (given the `since` of the rows the browser holds) what changed after it, if not too much. */
export type TransferRows = ({ kind: "page" } & LivePage<TransferReviewRow>) | ({ kind: "changes" } & LiveChanges<TransferReviewRow>);

/** The attention list and totals, with the transfers' version they were read at. */
export type TransfersBoard = { version: string; attention: NeedsAttention; summary: TransferSummary };
export type BoardAnswer = TransfersBoard | { unchanged: true; version: string };

export async function getTransferRows({ filters, since }: { filters: TransferFilters; since?: string }): Promise<TransferRows> {
  const now = Date.now();
  if (since) {
    const changes = await listTransferChanges(await getDb(), filters, new Date(Number(since) - CHANGES_OVERLAP_MS), REVIEW_CHANGES_LIMIT);
    // Too much changed for one answer: the newest page in its place, saving the browser a second request.
    if (!changes.truncated) return { kind: "changes", rows: changes.rows, removed: changes.removed, since: String(now), reset: false };
  }
  const rows = await listTransfers(filters, TRANSFERS_PAGE_SIZE);
  const last = rows.length === TRANSFERS_PAGE_SIZE ? rows[rows.length - 1] : undefined;
  const nextCursor = last ? encodeCursor({ createdAt: new Date(last.createdAt), id: last.id }) : null;
  return { kind: "page", rows, nextCursor, since: String(now) };
}

async function readBoard(filters: TransferFilters, version: string): Promise<TransfersBoard> {
  const [attention, summary] = await Promise.all([getNeedsAttention(), getTransferSummary(filters)]);
  return { version, attention, summary };
}

/**
 * The board, or `unchanged` when no transfer changed since the version the browser holds (two index look-ups). The
 * version is read first: a write landing while the rest is read moves it past this one, so the next poll reads again.
 */
export async function getTransfersBoard({ filters, knownVersion }: { filters: TransferFilters; knownVersion?: string }): Promise<BoardAnswer> {
  const version = await getTransfersVersion();
  return version === knownVersion ? { unchanged: true, version } : readBoard(filters, version);
}

/** The board as the page first draws it. */
export const readTransfersBoard = async (filters: TransferFilters) => readBoard(filters, await getTransfersVersion());
