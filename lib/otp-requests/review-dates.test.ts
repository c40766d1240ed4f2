import { describe, expect, it } from "vitest";
import { istDayOf } from "@/lib/ledger/india-time";
import { readTransferFilters } from "@/lib/transfers/review-filters";
import { currentQuickRange, quickRange, withQuickRange, withReviewDates } from "./review-dates";
import { reviewFormSchema, reviewRequestSchema } from "./review-request";

const days = (filters: { from?: string; to?: string; dates?: string }) => [filters.from, filters.to, filters.dates];

// 18:30 UTC is midnight in India: a minute either side is a different India day.
const beforeMidnight = new Date("2026-11-30T18:29:00Z"); // 30 Nov, 23:59 IST
const afterMidnight = new Date("2026-11-30T18:31:00Z"); // 1 Dec, 00:01 IST

describe("the reviews' date range", () => {
  it("is today in India when the address names no days", () => {
    expect(withReviewDates({}, beforeMidnight)).toEqual({ from: "2026-11-30", to: "2026-11-30" });
    expect(withReviewDates({}, afterMidnight)).toEqual({ from: "2026-12-01", to: "2026-12-01" });
  });

  it("keeps the days it is given, and the whole ledger only when asked for and no day is given", () => {
    expect(days(withReviewDates({ from: "2026-11-01" }, afterMidnight))).toEqual(["2026-11-01", undefined, undefined]);
    expect(days(withReviewDates({ dates: "all" }, afterMidnight))).toEqual([undefined, undefined, "all"]);
    expect(days(withReviewDates({ dates: "all", to: "2026-11-20" }, afterMidnight))).toEqual([undefined, "2026-11-20", undefined]);
  });

  it("reads the same wherever the filters come from: the live poll's body, the no-script form, the transfers' address", () => {
    const today = istDayOf(new Date());
    expect(days(reviewRequestSchema.parse({}).filters)).toEqual([today, today, undefined]);
    expect(days(reviewRequestSchema.parse({ filters: { dates: "all" } }).filters)).toEqual([undefined, undefined, "all"]);
    expect(reviewFormSchema.parse({ outcome: "sent", from: "", to: "" }).filters).toMatchObject({ outcome: "sent", from: today, to: today });
    expect(readTransferFilters({ state: "success" })).toMatchObject({ state: "success", from: today, to: today });
    expect(days(readTransferFilters({ dates: "all" }))).toEqual([undefined, undefined, "all"]);
    expect(days(readTransferFilters({ dates: "everything" }))).toEqual([today, today, undefined]);
  });
});

describe("the quick choices", () => {
  it.each([
    ["today", beforeMidnight, { from: "2026-11-30", to: "2026-11-30" }],
    ["today", afterMidnight, { from: "2026-12-01", to: "2026-12-01" }],
    ["yesterday", beforeMidnight, { from: "2026-11-29", to: "2026-11-29" }],
    ["yesterday", afterMidnight, { from: "2026-11-30", to: "2026-11-30" }],
    ["week", beforeMidnight, { from: "2026-11-24", to: "2026-11-30" }],
    ["week", afterMidnight, { from: "2026-11-25", to: "2026-12-01" }],
    ["month", beforeMidnight, { from: "2026-11-01", to: "2026-11-30" }],
    ["month", afterMidnight, { from: "2026-12-01", to: "2026-12-01" }],
    ["all", afterMidnight, { dates: "all" }],
  ] as const)("%s at %s is %o", (choice, now, expected) => {
    expect(quickRange(choice, now)).toEqual(expected);
  });

  it("keep the other filters and replace the days", () => {
    expect(withQuickRange({ agent: "ravi", from: "2026-01-01", to: "2026-01-31" }, "all", afterMidnight)).toEqual({
      agent: "ravi",
      from: undefined,
      to: undefined,
      dates: "all",
    });
  });

  it("mark the range the page shows, and none for a range typed by hand", () => {
    expect(currentQuickRange(withReviewDates({}, afterMidnight), afterMidnight)).toBe("today");
    expect(currentQuickRange(withReviewDates({}, afterMidnight), new Date("2026-12-01T18:31:00Z"))).toBe("yesterday");
    expect(currentQuickRange({ dates: "all" }, afterMidnight)).toBe("all");
    expect(currentQuickRange({ from: "2026-11-03", to: "2026-11-09" }, afterMidnight)).toBeUndefined();
  });
});
