import { addIstDays, istDayOf } from "@/lib/ledger/india-time";

/**
 * The reviews' date range: India-time days, today unless the address says otherwise. Both reviews (OTP requests and
 * transfers), their pages, live polls and CSV exports read filters through `withReviewDates`, so a range means the
 * same thing everywhere: days given are the range; `dates=all` is the whole ledger; neither is today.
 */
export type ReviewDates = { from?: string; to?: string; dates?: "all" };

export const ALL_DATES = "all" as const;

export function withReviewDates<T extends ReviewDates>(filters: T, now: Date = new Date()): T {
  if (filters.from || filters.to) return { ...filters, dates: undefined };
  if (filters.dates === ALL_DATES) return filters;
  const today = istDayOf(now);
  return { ...filters, from: today, to: today };
}

export const QUICK_RANGES = ["today", "yesterday", "week", "month", "all"] as const;
export type QuickRange = (typeof QUICK_RANGES)[number];

/** The quick choices as explicit ranges, so a link to one means the same days whenever it is followed. */
export function quickRange(choice: QuickRange, now: Date = new Date()): ReviewDates {
  const today = istDayOf(now);
  switch (choice) {
    case "today":
      return { from: today, to: today };
    case "yesterday": {
      const yesterday = addIstDays(today, -1);
      return { from: yesterday, to: yesterday };
    }
    case "week":
      return { from: addIstDays(today, -6), to: today };
    case "month":
      return { from: `${today.slice(0, 8)}01`, to: today };
    case "all":
      return { dates: ALL_DATES };
  }
}

/** The quick choice a (defaulted) range is, if any: the one the page marks as current. */
export function currentQuickRange(dates: ReviewDates, now: Date = new Date()): QuickRange | undefined {
  return QUICK_RANGES.find((choice) => {
    const range = quickRange(choice, now);
    return range.from === dates.from && range.to === dates.to && range.dates === (dates.dates || undefined);
  });
}

/** Other filters kept, the days replaced by a quick choice. */
export function withQuickRange<T extends ReviewDates>(filters: T, choice: QuickRange, now: Date = new Date()): T {
  return { ...filters, from: undefined, to: undefined, dates: undefined, ...quickRange(choice, now) };
}
