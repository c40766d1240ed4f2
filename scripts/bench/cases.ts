import type { ReviewQuery } from "@/lib/otp-requests/review-repository";
import type { UrlFilters } from "@/lib/otp-requests/review-filters";
import { benchAgent, benchMobileHash, SEED } from "./seed";

const IST_OFFSET_MS = 5.5 * 3_600_000;
const DAY_MS = 86_400_000;

/** The India-time calendar day (YYYY-MM-DD) `daysBack` days before `endMs`, as the review's date filters take it. */
export function istDay(endMs: number, daysBack: number): string {
  return new Date(endMs - daysBack * DAY_MS + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The desk's defaults: Eko timeout 15 s (EKO_TIMEOUT_MS) plus 10 s grace (LEDGER_PENDING_GRACE_MS). */
export function staleBeforeAt(endMs: number): Date {
  return new Date(endMs - 15_000 - 10_000);
}

export type BenchCase = { name: string; query: ReviewQuery };

/** The review's first page with no filter and with each filter alone. */
export function firstPageCases(endMs: number): BenchCase[] {
  const staleBefore = staleBeforeAt(endMs);
  const day = istDay(endMs, Math.floor(SEED.days / 2));
  const q = (filters: UrlFilters, mobileHash?: string): ReviewQuery => ({ filters, staleBefore, ...(mobileHash ? { mobileHash } : {}) });
  return [
    { name: "no filter", query: q({}) },
    { name: "outcome=sent", query: q({ outcome: "sent" }) },
    { name: "outcome=unknown", query: q({ outcome: "unknown" }) },
    { name: `agent=${benchAgent(100)}`, query: q({ agent: benchAgent(100) }) },
    { name: `one day ${day}`, query: q({ from: day, to: day }) },
    { name: "amount 10000–12000", query: q({ min: 10_000, max: 12_000 }) },
    { name: "mobile hash (exact)", query: q({}, benchMobileHash(25_000)) },
  ];
}

/** The summary with no filter at all: what a supervisor's tab computes every 15 s by default. */
export function wholeLedgerSummaryCase(endMs: number): BenchCase {
  return { name: "summary, whole ledger", query: { filters: {}, staleBefore: staleBeforeAt(endMs) } };
}

/** The summary of one day, the middle of the seeded range. */
export function summaryCase(endMs: number): BenchCase {
  const day = istDay(endMs, Math.floor(SEED.days / 2));
  return { name: `summary, one day ${day}`, query: { filters: { from: day, to: day }, staleBefore: staleBeforeAt(endMs) } };
}

/** Whole recent days enough to hold `rows` of `total` seeded rows (the export stops at `rows`). */
export function exportCase(endMs: number, total: number, rows: number): BenchCase {
  const perDay = total / SEED.days;
  const days = Math.min(SEED.days - 1, Math.ceil(rows / perDay) + 1);
  const from = istDay(endMs, days);
  const to = istDay(endMs, 1);
  return { name: `CSV export ${from}…${to}`, query: { filters: { from, to }, staleBefore: staleBeforeAt(endMs) } };
}

export const QUIET_DAYS = 10;

/** `outcome=unknown` once the newest unknown row is QUIET_DAYS old (see `quietPeriod`). */
export function quietUnknownCase(endMs: number): BenchCase {
  return { name: `outcome=unknown, none in last ${QUIET_DAYS} days`, query: { filters: { outcome: "unknown" }, staleBefore: staleBeforeAt(endMs) } };
}
