"use client";

import type { sendOtpAction, sendOtpFormAction } from "@/app/(desk)/actions";
import { useI18n } from "@/components/locale-provider";
import { OtpFailureAlert } from "@/components/otp-failure-alert";
import { OtpResult } from "@/components/otp-result";
import { ResendButton } from "@/components/resend-button";
import { refusedMessage } from "@/lib/auth/refused-message";
import { deskUnreachableMessage, describeResult } from "@/lib/otp-requests/result-message";

type Answer = Awaited<ReturnType<typeof sendOtpAction>> | Exclude<Awaited<ReturnType<typeof sendOtpFormAction>>, { status: "confirm" }>;

type Props = {
  /** Eko's answer to the last Send OTP, by the script or as posted without it. */
  result: Answer | undefined;
  /** The desk itself did not answer. */
  unreachable: boolean;
  resendAt: number | null;
  resending: boolean;
  onResend: () => void;
  onNewTransfer: () => void;
  agent: string;
  askLocation: boolean;
};

/** What became of a Send OTP: the sent OTP and its transfer step, or why not and what to do next. */
export function OtpAnswer({ result, unreachable, resendAt, resending, onResend, onNewTransfer, agent, askLocation }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      {unreachable ? <OtpFailureAlert copy={deskUnreachableMessage(t)} /> : null}
      {result?.status === "sent" ? (
        <OtpResult
          result={result}
          resendAt={resendAt ?? 0}
          resending={resending}
          onResend={onResend}
          onNewTransfer={onNewTransfer}
          agent={agent}
          askLocation={askLocation}
        />
      ) : null}
      {result?.status === "refused" ? <OtpFailureAlert copy={refusedMessage(result.reason, t)} /> : null}
      {result && result.status !== "sent" && result.status !== "refused" ? (
        <OtpFailureAlert
          copy={describeResult(result, i18n)}
          eko={"eko" in result ? result.eko : null}
          httpStatus={"httpStatus" in result ? result.httpStatus : null}
          otherParams={result.status === "rejected" ? result.otherParams : undefined}
          clientRefId={"clientRefId" in result ? result.clientRefId : undefined}
          action={result.status === "limited" ? <ResendButton allowedAt={resendAt} pending={resending} onResend={onResend} /> : undefined}
        />
      ) : null}
    </>
  );
}
