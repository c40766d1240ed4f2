import { describe, expect, it } from "vitest";
import { REFUND_STATES } from "@/lib/db/schema-states";
import { i18nFor } from "@/lib/i18n/dictionaries";
import { describeRefund, describeRefundOtp } from "./refund-message";
import type { RefundView } from "./view";

const view = (over: Partial<RefundView>): RefundView => ({
  ref: "LDREFUND",
  state: "refunded",
  amount: 500,
  refundTid: "3500000000",
  refunded: 504,
  fee: 4,
  createdAt: "2026-12-05T10:00:00.000Z",
  settledAt: null,
  checking: false,
  needsPerson: false,
  eko: null,
  failureReason: null,
  ...over,
});

describe("what the agent is told about a refund", () => {
  it.each(["en", "hi"] as const)("has a sentence and a next step for every state, in %s", (locale) => {
    for (const state of REFUND_STATES) {
      const copy = describeRefund(view({ state, eko: { status: 1, message: "Not refundable" } }), i18nFor(locale));
      expect(copy.title, state).toMatch(/\S/);
      expect(copy.next, state).toMatch(/\S/);
      expect(copy.title, state).not.toMatch(/refundOutcome\./);
    }
  });

  it("says the amount refunded, and never to refund again while Eko is being asked", () => {
    const en = i18nFor("en");
    expect(describeRefund(view({}), en).title).toBe("₹500 refunded.");
    expect(describeRefund(view({ state: "unknown", checking: true }), en).next).toContain("Do not refund again");
    expect(describeRefund(view({ state: "unknown", needsPerson: true }), en).title).toBe("Eko has not confirmed this refund after 24 hours.");
  });

  it("tells a wrong or expired refund OTP from Eko's other refusals, which it quotes", () => {
    const en = i18nFor("en");
    expect(describeRefund(view({ state: "refused", eko: { status: 302, message: "Wrong OTP" } }), en).title).toBe(
      "The refund OTP is not right. Nothing was refunded.",
    );
    expect(describeRefund(view({ state: "refused", eko: { status: 303, message: "OTP expired" } }), en).next).toContain("new refund OTP");
    expect(describeRefund(view({ state: "refused", eko: { status: 1, message: "Not in refund pending state" } }), en).title).toBe(
      "Eko refused the refund: Not in refund pending state. Nothing was refunded.",
    );
  });

  it("says why no refund OTP went out", () => {
    const hi = i18nFor("hi");
    const unknown = describeRefundOtp({ status: "otp-not-sent", outcome: "unknown", eko: null, retryAt: null }, hi);
    expect(unknown).toContain("SMS");
    const rejected = describeRefundOtp(
      { status: "otp-not-sent", outcome: "rejected", eko: { status: 1, message: "Not refundable" }, retryAt: null },
      i18nFor("en"),
    );
    expect(rejected).toContain("Not refundable");
  });
});
