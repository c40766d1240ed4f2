import { formatRupees } from "@/lib/format";
import type { I18n } from "@/lib/i18n/translate";
import type { ResultMessage } from "@/lib/otp-requests/result-message";
import type { RefundOtpResult } from "./service";
import type { RefundView } from "./view";

/** Eko's refusals with their own sentence: the refund OTP wrong or expired. */
const REFUSALS_WITH_COPY = new Set([302, 303]);

/** What happened to a refund and what the agent does next, in the agent's language. */
export function describeRefund(view: RefundView, { locale, t }: I18n): ResultMessage {
  if (view.needsPerson) return { title: t("refundOutcome.needsPerson.title"), next: t("refundOutcome.needsPerson.next") };
  switch (view.state) {
    case "refunded":
      return { title: t("refundOutcome.refunded.title", { amount: formatRupees(view.amount, locale) }), next: t("refundOutcome.refunded.next") };
    case "pending":
    case "unknown":
      return { title: t("refundOutcome.checking.title"), next: t("refundOutcome.checking.next") };
    case "refused": {
      const status = view.eko?.status ?? null;
      if (status !== null && REFUSALS_WITH_COPY.has(status)) {
        const code = status as 302 | 303;
        return { title: t(`refundOutcome.refused.${code}.title`), next: t(`refundOutcome.refused.${code}.next`) };
      }
      return { title: t("refundOutcome.refused.title", { message: view.eko?.message ?? `${status ?? "?"}` }), next: t("refundOutcome.refused.next") };
    }
    default:
      return { title: t(`refundOutcome.${view.state}.title`), next: t(`refundOutcome.${view.state}.next`) };
  }
}

/** "Send refund OTP" when Eko did not text one: why, and what to do. */
export function describeRefundOtp(result: Extract<RefundOtpResult, { status: "otp-not-sent" }>, { t }: I18n): string {
  return t(`refund.otpNotSent.${result.outcome}`, { message: result.eko?.message ?? `${result.eko?.status ?? "?"}` });
}
