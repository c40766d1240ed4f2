import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locales";
import { describeAddRecipient, describeLookUp, describeVerify } from "./customer-message";

const eko = (status: number, responseTypeId = status, message = `Eko says ${status}`) => ({ status, responseStatusId: 1, responseTypeId, message });
// Eko's refusals of the customer steps, from its fixtures and error tables (../shared/eko-api.md).
const CODES = [463, 342, 2148, 39, 521, 131, 140, 145, 313, 319, 346, 945, 544, 302, 303];

describe.each<Locale>(["en", "hi"])("the customer steps' sentences in %s", (locale) => {
  const i18n = { locale, t: createTranslator(locale) };
  const said = (copy: { title: string; next: string }) => `${copy.title} ${copy.next}`;

  it("give each of Eko's refusals its own sentence and a next step, with no slot left unfilled", () => {
    const sentences = CODES.map((code) => describeAddRecipient({ status: "rejected", step: "recipient", eko: eko(code), invalidParams: {}, fieldErrors: {} }, i18n));
    for (const copy of sentences) {
      expect(copy.title).not.toBe("");
      expect(copy.next).not.toBe("");
      expect(said(copy)).not.toMatch(/[{}]/);
    }
    // No two of these codes read the same (132 shares 131's sentence, 1297 346's, 314 945's).
    expect(new Set(sentences.map(said)).size).toBe(CODES.length);
  });

  it("read 2147 (status 0, response type 2147) and 2136 as KYC steps, not as a wrong OTP", () => {
    const pan = describeVerify({ status: "kyc-pending", step: "pan", eko: eko(0, 2147) }, i18n);
    const aadhaar = describeVerify({ status: "kyc-pending", step: "aadhaar", eko: eko(2136) }, i18n);
    const wrong = describeVerify({ status: "wrong-otp", eko: eko(2138) }, i18n);
    expect(new Set([said(pan), said(aadhaar), said(wrong)]).size).toBe(3);
    expect(pan.title).toContain("PAN");
  });

  it("fall back to Eko's own words for a code without a sentence", () => {
    const copy = describeLookUp({ status: "rejected", eko: eko(777, 777, "Something odd"), invalidParams: {} }, i18n);
    expect(copy.title).toContain("Something odd");
  });

  it("say that Eko may have texted the customer when the look-up went unanswered, and the masked mobile when not enrolled", () => {
    expect(said(describeLookUp({ status: "unknown" }, i18n))).toMatch(/SMS/);
    expect(describeLookUp({ status: "not-enrolled", mobileMasked: "••••••3333" }, i18n).title).toContain("••••••3333");
  });
});
