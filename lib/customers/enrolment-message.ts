import type { I18n } from "@/lib/i18n/translate";
import type { ResultMessage } from "@/lib/otp-requests/result-message";
import { copy, refusalCode, refusalCopy, refusalOf, settledCopy, wrongOtpCopy, type Copy } from "./customer-message";
import type { EnrolResult, KycResult, KycStep } from "./visit-result";

const VALIDATION = 461;

/** Onboard Sender. Its success moves the visit on (the page asks for the OTP), so it is never said here. */
export function describeEnrol(result: EnrolResult, { t }: I18n): ResultMessage {
  switch (result.status) {
    case "otp-sent":
      return { title: t("visit.verifyTitle"), next: t("customer.lookUp.otpSent.next") };
    case "rejected":
    case "expired":
    case "failed":
      return settledCopy(t, result);
    case "unknown":
      return { title: t("enrol.unknown.title"), next: t("enrol.unknown.next") };
  }
}

const REFUSED: Record<KycStep, Copy> = {
  aadhaar: ["kyc.refused.aadhaar.title", "kyc.refused.aadhaar.next"],
  "aadhaar-otp": ["kyc.refused.aadhaar-otp.title", "kyc.refused.aadhaar-otp.next"],
  pan: ["kyc.refused.pan.title", "kyc.refused.pan.next"],
};
const UNKNOWN: Record<KycStep, Copy> = {
  aadhaar: ["kyc.unknown.aadhaar.title", "kyc.unknown.aadhaar.next"],
  "aadhaar-otp": ["kyc.unknown.aadhaar-otp.title", "kyc.unknown.aadhaar-otp.next"],
  pan: ["kyc.unknown.pan.title", "kyc.unknown.pan.next"],
};

/**
 * A KYC step's refusal: a code the customer steps already name says so; Eko's field errors (461) are listed; anything
 * else is that step's own refusal ("Aadhaar validation failed", "PAN refused"), Eko's words beneath.
 */
export function describeKyc(result: KycResult, { t }: I18n): ResultMessage {
  switch (result.status) {
    case "next":
      return { title: t("visit.verifyTitle"), next: "" };
    case "wrong-otp":
      return wrongOtpCopy(t, result.eko);
    case "rejected": {
      const code = refusalCode(result.eko);
      if (refusalOf(code) || code === VALIDATION || Object.keys(result.invalidParams).length > 0)
        return refusalCopy(t, result.eko, result.invalidParams);
      return copy(t, REFUSED[result.step]);
    }
    case "expired":
    case "failed":
      return settledCopy(t, result);
    case "unknown":
      return copy(t, UNKNOWN[result.step]);
  }
}
