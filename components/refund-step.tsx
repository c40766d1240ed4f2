"use client";

import { useActionState } from "react";
import { refundFormAction, sendRefundOtpFormAction } from "@/app/(desk)/transfers/actions";
import { useI18n } from "@/components/locale-provider";
import { OtpFailureAlert } from "@/components/otp-failure-alert";
import { Receipt, receiptText, type ReceiptLine } from "@/components/receipt";
import { ReceiptActions } from "@/components/receipt-actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { nextSubmissionId, stepCopy } from "@/lib/customers/step-answer";
import { formatIndiaClock, formatIndiaTime, formatRupees } from "@/lib/format";
import { translateText, type I18n } from "@/lib/i18n/translate";
import type { RefundStepView } from "@/lib/refunds/queries";
import { describeRefund, describeRefundOtp } from "@/lib/refunds/refund-message";
import type { RefundView } from "@/lib/refunds/view";
import type { TransferView } from "@/lib/transfers/view";

type Props = { transfer: TransferView; step: RefundStepView; agent: string; otpSubmissionId: string; refundSubmissionId: string };

function refundLines(refund: RefundView, transfer: TransferView, agent: string, { locale, t }: I18n): ReceiptLine[] {
  const rupees = (value: number | null) => (value === null ? "—" : formatRupees(value, locale));
  return [
    [t("refundReceipt.refundTid"), refund.refundTid ?? "—"],
    [t("refundReceipt.transferTid"), transfer.tid ?? "—"],
    [t("refundReceipt.amount"), rupees(refund.amount)],
    [t("refundReceipt.refunded"), rupees(refund.refunded)],
    [t("receipt.fee"), rupees(refund.fee)],
    [t("receipt.time"), formatIndiaTime(refund.settledAt ?? refund.createdAt, locale)],
    [t("receipt.customer"), transfer.customerMobileMasked],
    [t("receipt.agent"), agent],
    [t("receipt.shop"), transfer.userCode],
    [t("transfer.deskRef"), refund.ref],
  ];
}

/**
 * A transfer in refund pending, refunded at the counter: the cash goes back first, then "Send refund OTP" and the OTP
 * the customer reads out. Both are plain forms (they work before the script runs); the page is drawn again after each.
 */
export function RefundStep({ transfer, step, agent, otpSubmissionId, refundSubmissionId }: Props) {
  const i18n = useI18n();
  const { locale, t } = i18n;
  const [otpAnswer, sendOtp, sendingOtp] = useActionState(sendRefundOtpFormAction, null);
  const [refundAnswer, refund, refunding] = useActionState(refundFormAction, null);
  const { latest } = step;
  const amount = formatRupees(transfer.amount, locale);
  const latestCopy = latest ? describeRefund(latest, i18n) : null;

  if (latest?.state === "refunded") {
    const lines = refundLines(latest, transfer, agent, i18n);
    const title = t("refundReceipt.title");
    return (
      <section
        aria-labelledby="refund-title"
        className="mt-4 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-950 print:border-0 print:bg-white print:p-0"
      >
        <div role="status" className="print:hidden">
          <h2 id="refund-title" className="text-base font-semibold" data-testid="refund-title">
            {latestCopy!.title}
          </h2>
          <p className="mt-1 text-sm">{latestCopy!.next}</p>
        </div>
        <Receipt id={`receipt-${latest.ref}`} title={`${t("app.name")} · ${title}`} lines={lines} thanks={t("refundReceipt.thanks")} />
        <ReceiptActions title={title} text={receiptText(title, lines)} />
      </section>
    );
  }
  if (latest && (latest.checking || latest.needsPerson)) {
    return (
      <section aria-labelledby="refund-title" role="status" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
        <h2 id="refund-title" className="text-base font-semibold" data-testid="refund-title">
          {latestCopy!.title}
        </h2>
        <p className="mt-1 text-sm">{latestCopy!.next}</p>
        <p className="mt-2 text-xs">
          {t("transfer.deskRef")}: <span className="font-mono">{latest.ref}</span>
        </p>
      </section>
    );
  }

  // Answers that redirect (a refund made, an OTP sent) never come back here: what does is a refusal to say.
  const otpNotice = stepCopy(otpAnswer, (r) => ({ title: r.status === "otp-not-sent" ? describeRefundOtp(r, i18n) : "", next: "" }), i18n)?.title;
  const fieldError = refundAnswer?.status === "invalid" ? (refundAnswer.fieldErrors as { otp?: string }).otp : undefined;
  const refundNotice = fieldError ? null : stepCopy(refundAnswer, () => ({ title: "", next: "" }), i18n)?.title;
  return (
    <section aria-labelledby="refund-title" className="mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden">
      <h2 id="refund-title" className="text-base font-semibold">
        {t("refund.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("refund.explain", { amount })}</p>
      {latestCopy ? (
        <div className="mt-3">
          <OtpFailureAlert copy={latestCopy} eko={latest?.eko ? { ...latest.eko, responseStatusId: null, responseTypeId: null } : null} />
        </div>
      ) : null}
      {step.otpSentAt ? (
        <form action={refund} aria-busy={refunding} className="mt-4 space-y-3">
          <p className="text-sm" data-testid="refund-otp-sent">
            {t("refund.otpSent", { time: formatIndiaClock(step.otpSentAt, { locale }) })}
          </p>
          <input type="hidden" name="transferRef" value={transfer.ref} />
          <input type="hidden" name="submissionId" value={nextSubmissionId(refundAnswer, refundSubmissionId)} />
          <TextField
            id="refundOtp"
            name="otp"
            label={t("field.refundOtp")}
            hint={t("refund.otpHint")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            required
            readOnly={refunding}
            error={fieldError ? translateText(t, fieldError) : undefined}
          />
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm font-medium text-amber-950" id="refund-cash">
            {t("refund.confirmCash", { amount })}
          </p>
          <Button type="submit" className="w-full" disabled={refunding} aria-describedby="refund-cash">
            {refunding ? t("refund.confirming") : t("refund.confirm")}
          </Button>
          {refundNotice ? (
            <p role="alert" className="text-sm text-red-700">
              {refundNotice}
            </p>
          ) : null}
        </form>
      ) : (
        <p className="mt-3 text-sm">{t("refund.beforeOtp")}</p>
      )}
      <form action={sendOtp} className="mt-3">
        <input type="hidden" name="transferRef" value={transfer.ref} />
        <input type="hidden" name="submissionId" value={nextSubmissionId(otpAnswer, otpSubmissionId)} />
        <Button type="submit" variant={step.otpSentAt ? "secondary" : "primary"} className="w-full" disabled={sendingOtp}>
          {sendingOtp ? t("refund.sendingOtp") : step.otpSentAt ? t("refund.sendOtpAgain") : t("refund.sendOtp")}
        </Button>
      </form>
      {otpNotice ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {otpNotice}
        </p>
      ) : null}
    </section>
  );
}
