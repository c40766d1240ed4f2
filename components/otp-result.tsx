"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { CopyButton } from "@/components/copy-button";
import { useI18n } from "@/components/locale-provider";
import { ResendButton } from "@/components/resend-button";
import { ShareButton } from "@/components/share-button";
import { TransferStep } from "@/components/transfer-step";
import { Button } from "@/components/ui/button";
import { formatIndiaTime } from "@/lib/format";
import { describeResult } from "@/lib/otp-requests/result-message";
import type { OtpRequestResult } from "@/lib/otp-requests/result";
import { mayResendOtp, type TransferView } from "@/lib/transfers/view";

type Sent = Extract<OtpRequestResult, { status: "sent" }>;

type Props = {
  result: Sent;
  /** When "Send OTP again" becomes available (epoch ms). */
  resendAt: number;
  resending: boolean;
  onResend: () => void;
  onNewTransfer: () => void;
  /** Who is at the counter (for the receipt), and whether their shop has no location set (then the browser's). */
  agent: string;
  askLocation: boolean;
};

export function OtpResult({ result, resendAt, resending, onResend, onNewTransfer, agent, askLocation }: Props) {
  // Once a transfer on this OTP may have moved money, sending the OTP again would only invite a second transfer.
  const [transfer, setTransfer] = useState<TransferView | null>(null);
  const onTransfer = useCallback((view: TransferView) => setTransfer(view), []);
  const i18n = useI18n();
  const { locale, t } = i18n;
  const copy = describeResult(result, i18n);
  const ref = useRef<HTMLElement>(null);
  // On a phone the result lands below the fold: bring it to the agent, and to screen readers.
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="otp-result-title"
      className="mt-6 scroll-mt-4 rounded-lg border border-emerald-300 bg-emerald-50 p-4 print:m-0 print:border-0 print:bg-white print:p-0"
    >
      <div role="status" className="print:hidden">
        <h2 id="otp-result-title" className="text-base font-semibold text-emerald-900">
          {copy.title}
        </h2>
        <p className="mt-1 text-sm text-emerald-900">{copy.next}</p>
      </div>
      <dl className="mt-4 flex flex-wrap gap-x-6 gap-y-3 text-sm print:hidden">
        <div className="w-full">
          <dt className="font-medium text-slate-700">{t("result.otpRef")}</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2">
            <output
              data-testid="otp-ref-id"
              className="block w-full select-all break-all rounded border border-emerald-200 bg-white px-3 py-2 font-mono text-sm"
            >
              {result.otpRefId}
            </output>
            <CopyButton text={result.otpRefId} label={t("copy.otpRef")} />
            <ShareButton text={result.otpRefId} />
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">{t("result.sentAt")}</dt>
          <dd>
            <time dateTime={result.sentAt} data-testid="otp-sent-at">
              {formatIndiaTime(result.sentAt, locale)}
            </time>
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">{t("result.deskRef")}</dt>
          <dd className="font-mono">{result.clientRefId}</dd>
        </div>
      </dl>
      {result.amount !== undefined && result.recipientId !== undefined ? (
        <TransferStep
          details={{
            ref: result.clientRefId,
            amount: result.amount,
            customerMobileMasked: result.maskedMobile,
            recipientId: result.recipientId,
            beneficiaryId: result.beneficiaryId ?? null,
            recipient: result.recipient ?? null,
          }}
          agent={agent}
          askLocation={askLocation}
          onTransfer={onTransfer}
        />
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2 print:hidden">
        {!transfer || mayResendOtp(transfer.state) ? <ResendButton allowedAt={resendAt} pending={resending} onResend={onResend} /> : null}
        <Button type="button" variant="secondary" onClick={onNewTransfer}>
          {t("result.newTransfer")}
        </Button>
      </div>
    </section>
  );
}
