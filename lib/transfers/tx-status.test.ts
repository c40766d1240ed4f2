import { describe, expect, it } from "vitest";
import { INQUIRY_HORIZON_MS, nextInquiryAt } from "./inquiry-schedule";
import { awaitsEko, stageOf } from "./tx-status";

describe("a transfer's stage from Eko's tx_status", () => {
  it.each([
    [0, "success", false],
    [1, "failed", false],
    [2, "awaited", true],
    [3, "refund-pending", false],
    [4, "refunded", false],
    [5, "on-hold", true],
    [6, "in-progress", true],
    [99, "in-progress", true],
    [-1, "in-progress", true],
  ] as const)("tx_status %i is %s; Eko is asked again: %s", (txStatus, stage, again) => {
    expect(stageOf(txStatus)).toBe(stage);
    expect(awaitsEko(stageOf(txStatus))).toBe(again);
  });
});

describe("when to ask Eko again", () => {
  const at = new Date("2026-12-04T10:00:00Z");
  const seconds = (d: Date | null, from: Date) => (d ? (d.getTime() - from.getTime()) / 1000 : null);

  it("asks at once, then after growing waits, then every 15 minutes", () => {
    let last: Date | null = null;
    const waits: (number | null)[] = [];
    for (let done = 0; done < 8; done++) {
      const next = nextInquiryAt(at, last, done);
      waits.push(seconds(next, last ?? at));
      last = next;
    }
    expect(waits).toEqual([0, 5, 15, 45, 120, 300, 900, 900]);
  });

  it("stops 24 hours after the transfer: a person looks after that", () => {
    const nearlyDay = new Date(at.getTime() + INQUIRY_HORIZON_MS - 10 * 60_000);
    expect(nextInquiryAt(at, nearlyDay, 20)).toBeNull();
    const earlier = new Date(at.getTime() + INQUIRY_HORIZON_MS - 20 * 60_000);
    expect(seconds(nextInquiryAt(at, earlier, 20), earlier)).toBe(900);
  });
});
