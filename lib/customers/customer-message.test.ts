import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EkoCodes } from "@/lib/eko/envelope";
import { i18nFor } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locales";
import { describeResult } from "@/lib/otp-requests/result-message";
import { describeAddRecipient, describeLookUp, describeRecipients, describeVerify, refusalCopy } from "./customer-message";
import type { CallFailure, RecipientChoice } from "./visit-result";

const eko = (status: number | null, responseTypeId: number | null = status, message: string | null = `Eko says ${status}`): EkoCodes => ({
  status,
  responseStatusId: 1,
  responseTypeId,
  message,
});
const said = (copy: { title: string; next: string }) => `${copy.title} ${copy.next}`;

// Every refusal of the customer steps in Eko's fixtures and error tables (../shared/eko-api.md); 461 is validation.
const CODES = [308, 2129, 2138, 302, 303, 2136, 2147, 463, 342, 2148, 39, 521, 131, 140, 145, 313, 319, 346, 945, 544, 461];
// Codes Eko uses for the same thing: one sentence each pair.
const SAME = [
  [132, 131],
  [1297, 346],
  [314, 945],
];
const ravi: RecipientChoice = {
  recipientId: 7,
  beneficiaryId: "70",
  name: "Ravi Kumar",
  bank: "HDFC Bank",
  accountMasked: "XXXXXX9012",
  ifsc: "HDFC0001234",
  channel: 0,
  channels: ["IMPS", "NEFT"],
  verified: false,
  recent: false,
};

describe.each<Locale>(["en", "hi"])("the customer steps' sentences in %s", (locale) => {
  const i18n = i18nFor(locale);
  const refused = (code: number) => refusalCopy(i18n.t, eko(code), code === 461 ? { customer_id: "Invalid mobile" } : {});
  const fallback = refusalCopy(i18n.t, eko(777, 777, "Something odd"));

  it("give each of Eko's refusals its own sentence and a next step, none of them the fallback", () => {
    const sentences = CODES.map(refused);
    for (const copy of sentences) {
      expect(copy.title.trim()).not.toBe("");
      expect(copy.next.trim()).not.toBe("");
      expect(said(copy)).not.toMatch(/[{}]/);
    }
    expect(new Set(sentences.map(said)).size).toBe(CODES.length);
    expect(sentences.map(said)).not.toContain(said(fallback));
  });

  it.each(SAME)("say the same for %i as for %i", (code, twin) => {
    expect(refused(code)).toEqual(refused(twin));
  });

  it("read the code from the response type when the status is a plain 0 or -1", () => {
    expect(refusalCopy(i18n.t, eko(0, 2147))).toEqual(refused(2147));
    expect(refusalCopy(i18n.t, eko(-1, 463))).toEqual(refused(463));
    expect(refusalCopy(i18n.t, eko(null, 342))).toEqual(refused(342));
  });

  it("fall back to Eko's own words for a code without a sentence, or to the status when Eko said nothing", () => {
    expect(fallback.title).toContain("Something odd");
    expect(fallback.next).not.toBe("");
    expect(refusalCopy(i18n.t, eko(777, 777, null)).title).toContain("status 777");
    expect(said(describeLookUp({ status: "rejected", eko: eko(888, 888, "Odd again"), invalidParams: {} }, i18n))).toContain("Odd again");
  });

  it("name the details Eko refused, from its invalid_params, whatever the code", () => {
    expect(refusalCopy(i18n.t, eko(461, -1), { recipient_name: "Name too long", ifsc: "Bad IFSC" }).title).toContain("Name too long; Bad IFSC");
    expect(refusalCopy(i18n.t, eko(9999, -1), { account: "Bad account" }).title).toContain("Bad account");
    expect(said(refusalCopy(i18n.t, eko(461, -1)))).not.toMatch(/[{}]/);
  });

  it("tell a wrong, an expired and an invalid OTP apart, and KYC steps from a wrong OTP", () => {
    const verify = (code: number) => describeVerify({ status: "wrong-otp", eko: eko(code) }, i18n);
    expect(verify(2138)).toEqual(refused(2138));
    expect(verify(302)).toEqual(refused(302));
    expect(verify(303)).toEqual(refused(303));
    expect(describeVerify({ status: "kyc-pending", step: "aadhaar", eko: eko(2136) }, i18n)).toEqual(refused(2136));
    const pan = describeVerify({ status: "kyc-pending", step: "pan", eko: eko(0, 2147) }, i18n);
    expect(pan).toEqual(refused(2147));
    expect(pan.title).toContain("PAN");
  });

  it("show the masked mobile when Eko texts the OTP or the customer is not enrolled", () => {
    const sent = describeLookUp({ status: "otp-sent", visitId: "v", mobileMasked: "••••••3333" }, i18n);
    const notEnrolled = describeLookUp({ status: "not-enrolled", visitId: "v", mobileMasked: "••••••3333" }, i18n);
    expect(sent.title).toContain("••••••3333");
    expect(notEnrolled.title).toContain("••••••3333");
    expect(notEnrolled.next).toBe(refused(308).next);
  });

  it("say that Eko may have texted the customer when a look-up went unanswered, and may have added a recipient", () => {
    expect(said(describeLookUp({ status: "unknown" }, i18n))).toMatch(/SMS/);
    const added = describeAddRecipient({ status: "unknown", step: "recipient" }, i18n);
    expect(added.title).not.toBe(describeLookUp({ status: "unknown" }, i18n).title);
    expect(describeAddRecipient({ status: "unknown", step: "bank" }, i18n)).toEqual(added);
  });

  it("say the recipient exists when only linking the bank account went wrong", () => {
    const first = describeAddRecipient({ status: "rejected", step: "recipient", eko: eko(544), invalidParams: {}, fieldErrors: {} }, i18n);
    const bank = describeAddRecipient({ status: "rejected", step: "bank", eko: eko(544), invalidParams: {}, fieldErrors: {} }, i18n);
    expect(first).toEqual(refused(544));
    expect(bank.title).toBe(first.title);
    expect(bank.next).not.toBe(first.next);
    const failed = describeAddRecipient({ status: "failed", step: "bank", reason: "unreachable", retryAt: null, httpStatus: null }, i18n);
    expect(failed.next).toBe(bank.next);
  });

  it("name the added recipient and count the customer's recipients", () => {
    expect(describeAddRecipient({ status: "added", recipient: ravi }, i18n).title).toContain("Ravi Kumar");
    const titles = [[], [ravi], [ravi, { ...ravi, recipientId: 8 }]].map(
      (recipients) => describeRecipients({ status: "ok", recipients, panRequiredFrom: null }, i18n).title,
    );
    expect(new Set(titles).size).toBe(3);
    expect(titles[2]).toContain("2");
  });
});

describe("the customer steps when Eko was not reached", () => {
  const english = i18nFor("en");
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-12-01T10:00:00.000Z") }));
  afterEach(() => vi.useRealTimers());
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const failuresNow = (): CallFailure[] => [
    { reason: "ledger-unavailable", retryAt: null, httpStatus: null },
    { reason: "circuit-open", retryAt: inSeconds(12), httpStatus: null },
    { reason: "circuit-open", retryAt: inSeconds(1), httpStatus: null },
    { reason: "circuit-open", retryAt: null, httpStatus: null },
    { reason: "shutting-down", retryAt: null, httpStatus: null },
    { reason: "unreachable", retryAt: null, httpStatus: null },
    { reason: "auth", retryAt: null, httpStatus: 403 },
    { reason: "http", retryAt: null, httpStatus: 502 },
  ];

  it("word a look-up's failure and limit as the OTP step does: it texts the customer too", () => {
    const failures = failuresNow();
    for (const failure of failures) {
      expect(describeLookUp({ status: "failed", ...failure }, english)).toEqual(
        describeResult({ status: "failed", clientRefId: "LD0000000001", eko: null, ...failure } as Parameters<typeof describeResult>[0], english),
      );
    }
    const limited = { status: "limited" as const, limit: "mobile-15m" as const, max: 3, retryAt: "2026-11-26T17:12:00.000Z" };
    expect(describeLookUp(limited, english)).toEqual(describeResult({ ...limited, clientRefId: "LD0000000001" }, english));
    expect(describeLookUp({ status: "failed", ...failures[1]! }, english).title).toContain("12 seconds");
  });

  it.each<Locale>(["en", "hi"])("never say 'no OTP was sent' for steps that text nobody, in %s", (locale) => {
    const i18n = i18nFor(locale);
    const failures = failuresNow();
    const noOtp = locale === "en" ? /No OTP was sent/ : /OTP नहीं भेजा गया/;
    const seen = failures.flatMap((failure) => [
      describeVerify({ status: "failed", ...failure }, i18n),
      describeRecipients({ status: "failed", ...failure }, i18n),
      describeAddRecipient({ status: "failed", step: "recipient", ...failure }, i18n),
    ]);
    for (const copy of seen) {
      expect(said(copy)).not.toMatch(noOtp);
      expect(said(copy)).not.toMatch(/[{}]/);
    }
    expect(describeVerify({ status: "failed", ...failures[1]! }, i18n).title).toContain("12");
    expect(describeVerify({ status: "failed", ...failures[7]! }, i18n).title).toContain("502");
  });
});
