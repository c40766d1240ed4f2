import type { EkoCodes } from "@/lib/eko/envelope";
import { translateText, type I18n, type MessageKey, type Translate } from "@/lib/i18n/translate";
import { failureCopy, limitedCopy, secondsUntil, type ResultMessage } from "@/lib/otp-requests/result-message";
import type { AddRecipientResult, CallFailure, EkoRefusal, LookUpResult, RecipientsResult, VerifyResult } from "./visit-result";

export type Copy = readonly [title: MessageKey, next: MessageKey];

/** Eko's refusals of the customer steps, by code; where the OTP step says the same next step, its key is reused. */
const REFUSALS = {
  308: ["customer.eko.308.title", "customer.eko.308.next"],
  2129: ["customer.eko.2129.title", "customer.eko.2129.next"],
  2138: ["customer.eko.2138.title", "customer.eko.2138.next"],
  302: ["customer.eko.302.title", "customer.eko.302.next"],
  303: ["customer.eko.303.title", "customer.eko.303.next"],
  2136: ["customer.eko.2136.title", "customer.eko.2136.next"],
  2147: ["customer.eko.2147.title", "customer.eko.2147.next"],
  463: ["customer.eko.463.title", "customer.eko.463.next"],
  342: ["customer.eko.342.title", "customer.eko.342.next"],
  2148: ["customer.eko.2148.title", "customer.eko.2148.next"],
  39: ["customer.eko.39.title", "customer.eko.39.next"],
  521: ["customer.eko.521.title", "customer.eko.521.next"],
  131: ["customer.eko.131.title", "customer.eko.131.next"],
  132: ["customer.eko.131.title", "customer.eko.131.next"],
  140: ["customer.eko.140.title", "customer.eko.140.next"],
  145: ["customer.eko.145.title", "customer.eko.145.next"],
  313: ["customer.eko.313.title", "customer.eko.313.next"],
  319: ["customer.eko.319.title", "outcome.rejected.invalid-initiator.next"],
  346: ["customer.eko.346.title", "outcome.rejected.agent-not-onboarded.next"],
  1297: ["customer.eko.346.title", "outcome.rejected.agent-not-onboarded.next"],
  945: ["customer.eko.945.title", "outcome.rejected.limit-exhausted.next"],
  314: ["customer.eko.945.title", "outcome.rejected.limit-exhausted.next"],
  544: ["customer.eko.544.title", "outcome.rejected.bank-unavailable.next"],
} satisfies Record<number, Copy>;
const VALIDATION = 461;
const WRONG_OTP = new Set([2138, 302, 303]);

export const copy = (t: Translate, [title, next]: Copy): ResultMessage => ({ title: t(title), next: t(next) });
export const refusalOf = (code: number | null): Copy | undefined =>
  code === null ? undefined : (REFUSALS as Record<number, Copy | undefined>)[code];

/** The code that names a refusal: Eko's `status`, or its response type when the status is a plain 0 or -1. */
export function refusalCode(eko: EkoCodes): number | null {
  return eko.status === null || eko.status === 0 || eko.status === -1 ? eko.responseTypeId : eko.status;
}

/** A sentence for an Eko refusal, by its code; a code without one says Eko's own words. */
export function refusalCopy(t: Translate, eko: EkoCodes, invalidParams: Record<string, string> = {}): ResultMessage {
  const code = refusalCode(eko);
  const known = refusalOf(code);
  if (known) return copy(t, known);
  const fields = Object.values(invalidParams).filter(Boolean);
  if (code === VALIDATION || fields.length > 0) {
    const title = fields.length > 0 ? t("customer.eko.461.title", { fields: fields.join("; ") }) : t("customer.eko.461.titlePlain");
    return { title, next: t("customer.eko.461.next") };
  }
  return { title: t("customer.refused.title", { message: eko.message ?? `status ${eko.status ?? "?"}` }), next: t("customer.refused.next") };
}

/** A step that texts nobody (verify, recipients, adding one) went nowhere: the OTP step's next steps, our own titles. */
function quietFailureCopy(t: Translate, failure: CallFailure): ResultMessage {
  switch (failure.reason) {
    case "shutting-down":
      return { title: t("customer.shuttingDown.title"), next: t("customer.shuttingDown.next") };
    case "circuit-open": {
      const seconds = secondsUntil(failure.retryAt);
      const title =
        seconds === null
          ? t("customer.circuitOpen.titleFew")
          : seconds === 1
            ? t("customer.circuitOpen.titleOne")
            : t("customer.circuitOpen.title", { seconds });
      return { title, next: t("outcome.circuitOpen.next") };
    }
    case "http":
      return { title: t("customer.failed.http.title", { status: failure.httpStatus ?? "?" }), next: t("outcome.http.next") };
    default:
      return { title: t(`customer.failed.${failure.reason}.title`), next: t(`outcome.failed.${failure.reason}.next`) };
  }
}

const expiredCopy = (t: Translate): ResultMessage => ({ title: t("customer.expired.title"), next: t("customer.expired.next") });

type Settled = ({ status: "rejected" } & EkoRefusal) | { status: "expired" } | ({ status: "failed" } & CallFailure);

/** What every customer step says when Eko refused it, the visit has ended, or the call went nowhere. */
export function settledCopy(t: Translate, result: Settled): ResultMessage {
  if (result.status === "rejected") return refusalCopy(t, result.eko, result.invalidParams);
  return result.status === "expired" ? expiredCopy(t) : quietFailureCopy(t, result);
}

/** A wrong or expired OTP, by Eko's code (in `status`, or as Aadhaar's OTP says it, in `response_status_id`). */
export function wrongOtpCopy(t: Translate, eko: EkoCodes): ResultMessage {
  const code = [refusalCode(eko), eko.responseStatusId].find((c) => c !== null && WRONG_OTP.has(c));
  return copy(t, refusalOf(code ?? null) ?? REFUSALS[2138]);
}

/** Get Sender. `expired` comes from "Send the OTP again" on a visit that has ended. */
export function describeLookUp(result: LookUpResult | { status: "expired" }, { locale, t }: I18n): ResultMessage {
  switch (result.status) {
    case "otp-sent":
      return { title: t("customer.lookUp.otpSent.title", { mobile: result.mobileMasked }), next: t("customer.lookUp.otpSent.next") };
    case "not-enrolled":
      return { title: t("customer.lookUp.notEnrolled.title", { mobile: result.mobileMasked }), next: t("customer.eko.308.next") };
    case "limited":
      return limitedCopy(result, { locale, t });
    case "rejected":
      return refusalCopy(t, result.eko, result.invalidParams);
    // A look-up texts the customer, so the OTP step's sentences hold word for word.
    case "failed":
      return failureCopy(result, t);
    case "unknown":
      return { title: t("customer.lookUp.unknown.title"), next: t("customer.lookUp.unknown.next") };
    case "expired":
      return expiredCopy(t);
  }
}

export function describeVerify(result: VerifyResult, { t }: I18n): ResultMessage {
  switch (result.status) {
    case "verified":
      return { title: t("customer.verify.verified.title"), next: t("customer.verify.verified.next") };
    case "wrong-otp":
      return wrongOtpCopy(t, result.eko);
    case "kyc-pending":
      return copy(t, result.step === "aadhaar" ? REFUSALS[2136] : REFUSALS[2147]);
    case "rejected":
    case "expired":
    case "failed":
      return settledCopy(t, result);
    case "unknown":
      return { title: t("customer.verify.unknown.title"), next: t("customer.verify.unknown.next") };
  }
}

/** Add Recipient, then Add Recipient Bank: once the first is done, the recipient exists at Eko whatever the second says. */
export function describeAddRecipient(result: AddRecipientResult, { t }: I18n): ResultMessage {
  switch (result.status) {
    case "added":
      return { title: t("customer.addRecipient.added.title", { name: result.recipient.name }), next: t("customer.addRecipient.added.next") };
    case "invalid":
      return {
        title: t("customer.addRecipient.invalid.title"),
        next: result.formError ? translateText(t, result.formError) : t("customer.addRecipient.invalid.next"),
      };
    case "rejected": {
      const refused = refusalCopy(t, result.eko, result.invalidParams);
      return result.step === "bank" ? { title: refused.title, next: t("customer.addRecipient.bankStep.next") } : refused;
    }
    case "failed":
      return result.step === "bank"
        ? { title: t("customer.addRecipient.bankFailed.title"), next: t("customer.addRecipient.bankStep.next") }
        : quietFailureCopy(t, result);
    case "expired":
      return expiredCopy(t);
    case "unknown":
      return { title: t("customer.addRecipient.unknown.title"), next: t("customer.addRecipient.unknown.next") };
  }
}

export function describeRecipients(result: RecipientsResult, { t }: I18n): ResultMessage {
  switch (result.status) {
    case "ok": {
      const count = result.recipients.length;
      if (count === 0) return { title: t("customer.recipients.none.title"), next: t("customer.recipients.none.next") };
      const title = count === 1 ? t("customer.recipients.one.title") : t("customer.recipients.many.title", { count });
      return { title, next: t("customer.recipients.next") };
    }
    case "rejected":
    case "expired":
    case "failed":
      return settledCopy(t, result);
    case "unknown":
      return { title: t("customer.recipients.unknown.title"), next: t("customer.recipients.unknown.next") };
  }
}
