import { describe, expect, it } from "vitest";
import { dayRange, decodeCursor, encodeCursor } from "./review-filters";
import { reviewRequestSchema, urlFiltersSchema } from "./review-request";

describe("review filters", () => {
  it("reads amounts from the URL as text and from the live table as numbers", () => {
    expect(reviewRequestSchema.parse({ filters: { min: "2500" } }).filters.min).toBe(2500);
    expect(reviewRequestSchema.parse({ filters: { min: 2500, max: 3000 } }).filters).toMatchObject({ min: 2500, max: 3000 });
  });

  it("drops a malformed URL value instead of failing the page", () => {
    expect(urlFiltersSchema.parse({ outcome: "exploded", min: "12abc", from: "2026-13-45", agent: "ravi" })).toEqual({
      outcome: undefined,
      agent: "ravi",
      from: undefined,
      to: undefined,
      min: undefined,
      max: undefined,
    });
  });

  it("drops days that do not exist rather than rolling them into the next month", () => {
    expect(urlFiltersSchema.parse({ from: "2026-02-30", to: "2026-04-31" })).toMatchObject({ from: undefined, to: undefined });
    expect(urlFiltersSchema.parse({ from: "2028-02-29" }).from).toBe("2028-02-29");
  });

  it("normalises the exact mobile and refuses one that is not a mobile", () => {
    expect(reviewRequestSchema.parse({ mobile: "+91 98765 43210" }).mobile).toBe("9876543210");
    expect(reviewRequestSchema.parse({ mobile: "  " }).mobile).toBeUndefined();
    expect(reviewRequestSchema.safeParse({ mobile: "12345" }).success).toBe(false);
  });

  it("turns India-time days into UTC instants, the `to` day included whole", () => {
    const { start, end } = dayRange({ from: "2026-11-24", to: "2026-11-24" });
    expect(start?.toISOString()).toBe("2026-11-23T18:30:00.000Z");
    expect(end?.toISOString()).toBe("2026-11-24T18:30:00.000Z");
  });

  it("round-trips keyset cursors exactly", () => {
    const cursor = { createdAt: new Date("2026-11-24T10:00:00.123Z"), id: 987654 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(reviewRequestSchema.safeParse({ cursor: "not-a-cursor" }).success).toBe(false);
  });
});
