import { formatRupees } from "@/lib/format";
import type { I18n } from "@/lib/i18n/translate";
import type { ResultMessage } from "@/lib/otp-requests/result-message";
import type { TransferView } from "./view";

/** Eko's refusals with their own sentence: the OTP wrong or expired (re-enter it, or send a new one). */
const REFUSALS_WITH_COPY = new Set([302, 303]);

/** What happened to the transfer and what the agent does next, cash first, in the agent's language. */
export function describeTransfer(view: TransferView, { locale, t }: I18n): ResultMessage {
  const rupees = (value: number) => formatRupees(value, locale);
  if (view.needsPerson) return { title: t("transferOutcome.needsPerson.title"), next: t("transferOutcome.needsPerson.next") };
  switch (view.state) {
    case "success":
      return {
        title: t("transferOutcome.success.title", { amount: rupees(view.amount), recipient: view.recipientName ?? `#${view.recipientId}` }),
        next: t("transferOutcome.success.next", { collect: rupees(view.collectable ?? view.amount) }),
      };
    case "pending":
    case "unknown":
      return { title: t("transferOutcome.checking.title"), next: t("transferOutcome.checking.next") };
    case "refused": {
      const status = view.eko?.status ?? null;
      if (view.failureReason === "auth") return { title: t("transferOutcome.refused.auth.title"), next: t("transferOutcome.refused.auth.next") };
      if (status !== null && REFUSALS_WITH_COPY.has(status)) {
        const code = status as 302 | 303;
        return { title: t(`transferOutcome.refused.${code}.title`), next: t(`transferOutcome.refused.${code}.next`) };
      }
      return {
        title: t("transferOutcome.refused.title", { message: view.eko?.message ?? `${status ?? "?"}` }),
        next: t("transferOutcome.refused.next"),
      };
    }
    default:
      return { title: t(`transferOutcome.${view.state}.title`), next: t(`transferOutcome.${view.state}.next`) };
  }
}

/** Whether the agent may enter the OTP again on the same OTP request: Eko refused it as wrong, nothing moved. */
export const mayRetryOtp = (view: TransferView) => view.state === "refused" && view.eko?.status === 302;
