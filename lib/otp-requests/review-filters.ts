import type { OTP_REQUEST_STATES } from "@/lib/db/schema-states";
import { addIstDays, istMidnight } from "@/lib/ledger/india-time";
import type { LiveChanges, LivePage } from "@/lib/ledger/live-rows";

/**
 * The supervisors' review: its filters, cursors and row shapes, shared by the page, the browser's components, the
 * route handlers and the repository. No zod here, since the browser imports this module; the server reads filters
 * and request bodies with the schemas in review-request.ts.
 */
export type UrlFilters = {
  outcome?: (typeof OTP_REQUEST_STATES)[number];
  agent?: string;
  /** India-time calendar days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** `all`: every day of the ledger, asked for explicitly; without it and without days, the review shows today. */
  dates?: "all";
  /** Whole rupees. */
  min?: number;
  max?: number;
};

export const URL_FILTER_NAMES = ["outcome", "agent", "from", "to", "dates", "min", "max"] as const satisfies readonly (keyof UrlFilters)[];

export type ReviewCursor = { createdAt: Date; id: number };

export function encodeCursor(cursor: ReviewCursor): string {
  return `${cursor.createdAt.getTime()}.${cursor.id}`;
}

export function decodeCursor(text: string | undefined): ReviewCursor | undefined {
  if (!text) return undefined;
  const [ms, id] = text.split(".");
  return { createdAt: new Date(Number(ms)), id: Number(id) };
}

/** India-time calendar days to UTC instants: `from` inclusive at 00:00 IST, `to` inclusive to the day's end. */
export function dayRange(filters: Pick<UrlFilters, "from" | "to">): { start?: Date; end?: Date } {
  const start = filters.from ? istMidnight(filters.from) : undefined;
  const end = filters.to ? istMidnight(addIstDays(filters.to, 1)) : undefined;
  return { start, end };
}

export function filtersToSearchParams(filters: Partial<Record<keyof UrlFilters, string | number>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== "") params.set(key, String(value));
  return params;
}

/** One row of the review, as the browser gets it: the mobile only masked. */
export type ReviewRow = {
  id: number;
  createdAt: string;
  agent: string;
  userCode: string;
  customerMobileMasked: string;
  recipientId: number;
  beneficiaryId: string | null;
  /** The recipient as picked from the customer's list (account masked); null for typed IDs. */
  recipientName: string | null;
  recipientBank: string | null;
  recipientAccountMasked: string | null;
  amount: number;
  state: (typeof OTP_REQUEST_STATES)[number];
  otpRefId: string | null;
  failureReason: string | null;
  ekoStatus: number | null;
  ekoResponseStatusId: number | null;
  ekoResponseTypeId: number | null;
  ekoMessage: string | null;
  httpStatus: number | null;
  latencyMs: number | null;
};

/** A page of the review, and `since`: the server's clock when it was read, the cursor of the next changes poll. */
export type ReviewPage = LivePage<ReviewRow>;

/** What changed since a poll's `since`: rows created or completed since, and rows that changed out of an outcome filter. */
export type ReviewChanges = LiveChanges<ReviewRow>;

/**
 * The most days an amount-range summary reads from the ledger: a scan, so bounded to the newest days of the range
 * (on the embedded database it holds the one connection the agents share).
 */
export const LEDGER_SUMMARY_DAYS = 7;

export type ReviewSummary = {
  count: number;
  sent: number;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  topRejections: { message: string; status: number | null; count: number }[];
  flaggedCustomers: { customerMobileMasked: string; requests: number; lastAt: string }[];
  /**
   * Where the figures come from: the rollups, or (for an exact mobile or an amount range, which the rollups cannot
   * answer) the ledger itself, over these India-time days; `bounded` when that is less than the range asked for.
   */
  source: { kind: "rollups" } | { kind: "ledger"; from: string | null; to: string | null; bounded: boolean };
  /** Changes whenever anything the summary counts may have changed: a poll that sends it back gets `unchanged`. */
  version: string;
};

/** The summary route's answer: the summary, or word that the one the browser holds (by version) still stands. */
export type SummaryAnswer = ReviewSummary | { unchanged: true; version: string };
