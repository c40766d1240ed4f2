import { summarizeTransfers } from "@/lib/transfers/summary";
import type { TransferFilters } from "@/lib/transfers/review-filters";
import type { Db } from "@/lib/db/open";
import { LEDGER_SUMMARY_DAYS, type UrlFilters } from "@/lib/otp-requests/review-filters";
import type { ReviewQuery } from "@/lib/otp-requests/review-repository";
import { summarizeRequests } from "@/lib/otp-requests/review-summary";
import { benchAgent, benchMobileHash } from "./seed";

const IST_OFFSET_MS = 5.5 * 3_600_000;
const DAY_MS = 86_400_000;

/** The seeded ledger: `total` OTP requests over `days` days up to `endMs`. */
export type LedgerShape = { total: number; days: number; endMs: number };

/** The India-time calendar day (YYYY-MM-DD) `daysBack` days before `endMs`, as the review's date filters take it. */
export function istDay(endMs: number, daysBack: number): string {
  return new Date(endMs - daysBack * DAY_MS + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The desk's defaults: Eko timeout 15 s (EKO_TIMEOUT_MS) plus 10 s grace (LEDGER_PENDING_GRACE_MS). */
export function staleBeforeAt(endMs: number): Date {
  return new Date(endMs - 15_000 - 10_000);
}

export type BenchCase = { name: string; query: ReviewQuery };

const middleDay = ({ endMs, days }: LedgerShape) => istDay(endMs, Math.floor(days / 2));
const AGENT = benchAgent(100);
const MOBILE = benchMobileHash(25_000);

/** The review's first page with no filter and with each filter alone. */
export function firstPageCases(shape: LedgerShape): BenchCase[] {
  const staleBefore = staleBeforeAt(shape.endMs);
  const day = middleDay(shape);
  const q = (filters: UrlFilters, mobileHash?: string): ReviewQuery => ({ filters, staleBefore, ...(mobileHash ? { mobileHash } : {}) });
  return [
    { name: "no filter", query: q({}) },
    { name: "outcome=sent", query: q({ outcome: "sent" }) },
    { name: "outcome=unknown", query: q({ outcome: "unknown" }) },
    { name: `agent=${AGENT}`, query: q({ agent: AGENT }) },
    { name: `one day ${day}`, query: q({ from: day, to: day }) },
    { name: "amount 10000–12000", query: q({ min: 10_000, max: 12_000 }) },
    { name: "mobile hash (exact)", query: q({}, MOBILE) },
  ];
}

/** One summary a supervisor's tab asks for: `run` is the whole call as the page makes it. */
export type SummaryCase = { name: string; run: (db: Db) => Promise<unknown> };

/** Where a summary says it was counted from (`source.kind`): the rollups, or the ledger for filters they cannot answer. */
export function sourceOf(summary: unknown): string {
  const source = typeof summary === "object" && summary !== null && "source" in summary ? summary.source : undefined;
  return typeof source === "object" && source !== null && "kind" in source && typeof source.kind === "string" ? source.kind : "rollups";
}

/**
 * The summaries measured, one entry each: a new family (the transfers' summary) is one more entry here. The ranges:
 * everything (what the review asked for before it opened on today), one day, the last 7 days, one agent, a state.
 */
export function summaryCases(shape: LedgerShape): SummaryCase[] {
  const now = new Date(shape.endMs);
  const staleBefore = staleBeforeAt(shape.endMs);
  const day = middleDay(shape);
  const week = { from: istDay(shape.endMs, 6), to: istDay(shape.endMs, 0) };
  const otp = (name: string, filters: UrlFilters, mobileHash?: string): SummaryCase => ({
    name: `OTP summary, ${name}`,
    run: (db) => summarizeRequests(db, { filters, staleBefore, ...(mobileHash ? { mobileHash } : {}) }, now),
  });
  const transfer = (name: string, filters: TransferFilters): SummaryCase => ({
    name: `transfer summary, ${name}`,
    run: (db) => summarizeTransfers(db, filters, now),
  });
  return [
    otp("whole ledger", {}),
    otp(`one day ${day}`, { from: day, to: day }),
    otp(`last 7 days ${week.from}…${week.to}`, week),
    otp(`agent=${AGENT}, whole ledger`, { agent: AGENT }),
    otp(`agent=${AGENT}, one day ${day}`, { agent: AGENT, from: day, to: day }),
    otp("outcome=rejected, whole ledger", { outcome: "rejected" }),
    otp("exact mobile, whole ledger", {}, MOBILE),
    otp(`amount 10000–12000 (newest ${LEDGER_SUMMARY_DAYS} days at most)`, { min: 10_000, max: 12_000 }),
    transfer("whole ledger", {}),
    transfer(`one day ${day}`, { from: day, to: day }),
    transfer(`agent=${AGENT}, last 7 days`, { agent: AGENT, ...week }),
    transfer("state=success, whole ledger", { state: "success" }),
  ];
}

/** The newest whole days holding about `rows` rows, or the whole ledger when it has no more than that. */
export function exportCase({ total, days, endMs }: LedgerShape, rows: number): BenchCase {
  const staleBefore = staleBeforeAt(endMs);
  if (rows >= total) return { name: "CSV export, whole ledger", query: { filters: {}, staleBefore } };
  const span = Math.min(days - 1, Math.ceil(rows / (total / days)) + 1);
  const from = istDay(endMs, span);
  const to = istDay(endMs, 1);
  return { name: `CSV export ${from}…${to}`, query: { filters: { from, to }, staleBefore } };
}

export const QUIET_DAYS = 10;

/** `outcome=unknown` once the newest unknown row is QUIET_DAYS old (see `quietPeriod`). */
export function quietUnknownCase(endMs: number): BenchCase {
  return { name: `outcome=unknown, none in last ${QUIET_DAYS} days`, query: { filters: { outcome: "unknown" }, staleBefore: staleBeforeAt(endMs) } };
}
