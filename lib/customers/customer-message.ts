import type { EkoCodes } from "@/lib/eko/envelope";
import type { I18n, Translate } from "@/lib/i18n/translate";
import { limitedCopy, type ResultMessage } from "@/lib/otp-requests/result-message";
import type { AddRecipientResult, CallFailure, LookUpResult, RecipientsResult, VerifyResult } from "./visit-result";

/** Eko's refusals that say the same thing under more than one code. */
const SAME_AS: Record<number, string> = { 131: "name", 132: "name", 140: "mobile", 145: "account", 346: "agent", 1297: "agent", 945: "limit", 314: "limit" };
const OWN_SENTENCE = new Set([463, 342, 2148, 39, 521, 313, 319, 544]);
const WRONG_OTP = new Set([2138, 302]);

/** The code that names the refusal: `status`, or the response type when the status is a plain 0 or 1. */
function codeOf(eko: EkoCodes): number | null {
  return eko.status !== null && eko.status > 1 ? eko.status : eko.responseTypeId;
}

/** A sentence for an Eko refusal, by its code; any other code says Eko's own words. */
export function refusalCopy(t: Translate, eko: EkoCodes, invalidParams: Record<string, string> = {}): ResultMessage {
  const code = codeOf(eko);
  if (code !== null && WRONG_OTP.has(code)) return { title: t("customer.wrongOtp.title"), next: t("customer.wrongOtp.next") };
  if (code === 303) return { title: t("customer.otpExpired.title"), next: t("customer.otpExpired.next") };
  if (code === 2136) return { title: t("customer.aadhaar.title"), next: t("customer.aadhaar.next") };
  if (code === 2147) return { title: t("customer.pan.title"), next: t("customer.pan.next") };
  if (code !== null && SAME_AS[code]) {
    const key = SAME_AS[code] as "name" | "mobile" | "account" | "agent" | "limit";
    return { title: t(`customer.eko.${key}.title`), next: t(`customer.eko.${key}.next`) };
  }
  if (code !== null && OWN_SENTENCE.has(code)) {
    const key = String(code) as "463" | "342" | "2148" | "39" | "521" | "313" | "319" | "544";
    return { title: t(`customer.eko.${key}.title`), next: t(`customer.eko.${key}.next`) };
  }
  const fields = Object.values(invalidParams);
  if (fields.length > 0) return { title: t("customer.eko.461.title", { fields: fields.join("; ") }), next: t("customer.eko.461.next") };
  return { title: t("customer.refused.title", { message: eko.message ?? `status ${eko.status ?? "?"}` }), next: t("customer.refused.next") };
}

function failureCopy(t: Translate, failure: CallFailure): ResultMessage {
  switch (failure.reason) {
    case "ledger-unavailable":
      return { title: t("customer.failed.ledger.title"), next: t("customer.failed.next") };
    case "auth":
      return { title: t("customer.failed.auth.title"), next: t("customer.failed.auth.next") };
    case "circuit-open":
    case "shutting-down":
      return { title: t("customer.failed.busy.title"), next: t("customer.failed.busy.next") };
    default:
      return { title: t("customer.failed.title"), next: t("customer.failed.next") };
  }
}

const expiredCopy = (t: Translate): ResultMessage => ({ title: t("customer.expired.title"), next: t("customer.expired.next") });

export function describeLookUp(result: LookUpResult | { status: "expired" }, { locale, t }: I18n): ResultMessage {
  switch (result.status) {
    case "otp-sent":
      return { title: t("visit.verifyBody", { mobile: result.mobileMasked }), next: "" };
    case "not-enrolled":
      return { title: t("customer.notEnrolled.title", { mobile: result.mobileMasked }), next: t("customer.notEnrolled.next") };
    case "limited":
      return limitedCopy(result, { locale, t });
    case "rejected":
      return refusalCopy(t, result.eko, result.invalidParams);
    case "failed":
      return failureCopy(t, result);
    case "unknown":
      return { title: t("customer.unknown.lookUp.title"), next: t("customer.unknown.lookUp.next") };
    case "expired":
      return expiredCopy(t);
  }
}

export function describeVerify(result: VerifyResult, { t }: I18n): ResultMessage {
  switch (result.status) {
    case "verified":
      return { title: t("card.title"), next: "" };
    case "wrong-otp":
    case "kyc-pending":
    case "rejected":
      return refusalCopy(t, result.eko, "invalidParams" in result ? result.invalidParams : {});
    case "expired":
      return expiredCopy(t);
    case "failed":
      return failureCopy(t, result);
    case "unknown":
      return { title: t("customer.unknown.verify.title"), next: t("customer.unknown.verify.next") };
  }
}

export function describeAddRecipient(result: AddRecipientResult, { t }: I18n): ResultMessage {
  switch (result.status) {
    case "added":
      return { title: result.recipient.name, next: "" };
    case "invalid":
      return { title: t("outcome.invalid.title"), next: t("outcome.invalid.next") };
    case "rejected":
      return refusalCopy(t, result.eko, result.invalidParams);
    case "expired":
      return expiredCopy(t);
    case "failed":
      return failureCopy(t, result);
    case "unknown":
      return { title: t("customer.unknown.add.title"), next: t("customer.unknown.add.next") };
  }
}

export function describeRecipients(result: RecipientsResult, { t }: I18n): ResultMessage {
  switch (result.status) {
    case "ok":
      return { title: t("picker.title"), next: "" };
    case "rejected":
      return refusalCopy(t, result.eko, result.invalidParams);
    case "expired":
      return expiredCopy(t);
    case "failed":
      return failureCopy(t, result);
    case "unknown":
      return { title: t("customer.unknown.read.title"), next: t("customer.unknown.read.next") };
  }
}
