import { describe, expect, it } from "vitest";
import { TRANSFER_STATES } from "@/lib/db/schema-states";
import { i18nFor } from "@/lib/i18n/dictionaries";
import { describeTransfer, mayRetryOtp } from "./transfer-message";
import type { TransferView } from "./view";

const view = (over: Partial<TransferView>): TransferView => ({
  ref: "LDTEST",
  state: "success",
  amount: 500,
  customerMobileMasked: "••••••3210",
  recipientId: 10017740,
  beneficiaryId: null,
  recipientName: "Krishna",
  recipientBank: "UCO Bank",
  recipientAccountMasked: "••••8454",
  tid: "1",
  bankRef: "2",
  fee: 4,
  collectable: 504,
  createdAt: "2026-12-04T10:00:00.000Z",
  settledAt: null,
  lastCheckAt: null,
  checks: 0,
  checking: false,
  needsPerson: false,
  eko: null,
  failureReason: null,
  agent: "asha",
  userCode: "20810200",
  ...over,
});

describe("what the agent is told about a transfer", () => {
  it.each(["en", "hi"] as const)("every state has a sentence and a next step in %s", (locale) => {
    for (const state of TRANSFER_STATES) {
      const { title, next } = describeTransfer(view({ state, eko: { status: 1, message: "Declined" } }), i18nFor(locale));
      expect(title, state).toMatch(/\S/);
      expect(next, state).toMatch(/\S/);
      expect(`${title} ${next}`, state).not.toMatch(/transferOutcome|\{\w+\}/);
    }
  });

  it("says how much cash to collect only on success, and not to collect it otherwise", () => {
    const en = i18nFor("en");
    expect(describeTransfer(view({}), en).next).toBe("Collect ₹504 in cash and hand over the receipt.");
    for (const state of ["failed", "unknown", "awaited", "on-hold", "refund-pending", "not-found", "refused"] as const) {
      expect(describeTransfer(view({ state }), en).next, state).toMatch(/^Do not collect cash/);
    }
  });

  it("offers the OTP again after a wrong OTP only, and names Eko's own refusal otherwise", () => {
    const en = i18nFor("en");
    expect(mayRetryOtp(view({ state: "refused", eko: { status: 302, message: "Wrong OTP" } }))).toBe(true);
    expect(mayRetryOtp(view({ state: "refused", eko: { status: 303, message: "OTP expired" } }))).toBe(false);
    expect(describeTransfer(view({ state: "refused", eko: { status: 303, message: "OTP expired" } }), en).title).toBe(
      "The OTP has expired. No money moved.",
    );
    expect(describeTransfer(view({ state: "refused", eko: { status: 945, message: "Limit exhausted" } }), en).title).toBe(
      "Eko refused the transfer: Limit exhausted. No money moved.",
    );
    expect(describeTransfer(view({ state: "awaited", needsPerson: true }), en).title).toBe("Eko has not confirmed this transfer after 24 hours.");
  });
});
