import { describe, expect, it } from "vitest";
import { liveRowsFromPage, mergeChanges, shownRows } from "./live-rows";
import type { ReviewRow } from "@/lib/otp-requests/review-filters";

const row = (id: number, minute: number, state: ReviewRow["state"] = "sent") =>
  ({ id, createdAt: `2026-11-26T10:${String(minute).padStart(2, "0")}:00.000Z`, state, amount: id }) as ReviewRow;
const ids = (rows: ReviewRow[]) => rows.map((r) => r.id);

describe("the live review's merge", () => {
  const held = liveRowsFromPage({ rows: [row(3, 30, "pending"), row(2, 20), row(1, 10)], nextCursor: "c", since: "1" });

  it("replaces changed rows in place, places new ones by time, and keeps the since of the answer", () => {
    const merged = mergeChanges(held, { rows: [row(5, 50), row(4, 40), row(3, 30, "sent")], removed: [], since: "2", reset: false })!;
    expect(ids(merged.rows)).toEqual([5, 4, 3, 2, 1]);
    expect(merged.rows[2]!.state).toBe("sent");
    expect(merged.since).toBe("2");
  });

  it("offers new rows behind a count until the reader asks, while changes show at once", () => {
    const merged = mergeChanges(held, { rows: [row(4, 40), row(3, 30, "sent")], removed: [], since: "2", reset: false })!;
    const shown = shownRows(merged, held.rows[0], []);
    expect(ids(shown.rows)).toEqual([3, 2, 1]);
    expect(shown.rows[0]!.state).toBe("sent");
    expect(shown.newCount).toBe(1);
    expect(ids(shownRows(merged, merged.rows[0], []).rows)).toEqual([4, 3, 2, 1]);
  });

  it("drops rows that changed out of the filters, and updates older pages already loaded", () => {
    const merged = mergeChanges(held, { rows: [row(0, 5, "unknown")], removed: [2, 99], since: "2", reset: false })!;
    expect(ids(merged.rows)).toEqual([3, 1]);
    const shown = shownRows(merged, held.rows[0], [row(0, 5, "pending"), row(2, 20)]);
    expect(shown.rows.map((r) => [r.id, r.state])).toEqual([
      [3, "pending"],
      [1, "sent"],
      [0, "unknown"],
    ]);
  });

  it("starts again from the newest page when the server says too much changed", () => {
    expect(mergeChanges(held, { rows: [], removed: [], since: "2", reset: true })).toBeNull();
  });
});
