"use client";

import { useActionState } from "react";
import { lookUpAgainAction, verifyCustomerAction } from "@/app/(desk)/customers/actions";
import { useI18n } from "@/components/locale-provider";
import { OtpFailureAlert, preloadAnswers } from "@/components/lazy-alerts";
import { StepCard } from "@/components/step-card";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { describeLookUp, describeVerify } from "@/lib/customers/customer-message";
import { nextSubmissionId, stepCopy } from "@/lib/customers/step-answer";
import { translateText } from "@/lib/i18n/translate";

type Props = { visitId: string; mobileMasked: string; submissionId: string };

/**
 * The verification OTP Eko texted the customer, and "Send the OTP again". Both are plain forms with their own actions
 * (they work before the script runs); a verified customer's page reloads as their card and recipients.
 */
export function CustomerVerifyForm({ visitId, mobileMasked, submissionId }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [answer, verify, verifying] = useActionState(verifyCustomerAction, null);
  const [again, lookUpAgain, resending] = useActionState(lookUpAgainAction, null);
  const otpError = answer?.status === "invalid" ? (answer.fieldErrors.otp ?? answer.formError) : null;
  // A wrong-looking OTP is said on its field; everything else as a sentence under the forms.
  const copy = (answer?.status === "invalid" ? null : stepCopy(answer, describeVerify, i18n)) ?? stepCopy(again, describeLookUp, i18n);
  const eko = answer && "eko" in answer ? answer.eko : again && "eko" in again ? again.eko : null;
  return (
    <StepCard id="verify-title" title={t("visit.verifyTitle")} intro={t("visit.verifyBody", { mobile: mobileMasked })}>
      <form action={verify} onFocus={preloadAnswers} aria-busy={verifying} className="mt-4 space-y-4">
        <input type="hidden" name="visitId" value={visitId} />
        <TextField
          id="senderOtp"
          name="otp"
          label={t("visit.otp.label")}
          hint={t("visit.otp.hint")}
          inputMode="numeric"
          autoComplete="one-time-code"
          enterKeyHint="go"
          maxLength={8}
          required
          readOnly={verifying}
          error={otpError ? translateText(t, otpError) : undefined}
        />
        <Button type="submit" className="w-full" disabled={verifying}>
          {verifying ? t("visit.verifying") : t("visit.verify")}
        </Button>
      </form>
      <form action={lookUpAgain} onFocus={preloadAnswers} className="mt-2">
        <input type="hidden" name="visitId" value={visitId} />
        <input type="hidden" name="submissionId" value={nextSubmissionId(again, submissionId)} />
        <Button type="submit" variant="secondary" className="w-full" disabled={resending}>
          {t("visit.resend")}
        </Button>
      </form>
      {copy ? <OtpFailureAlert key={JSON.stringify([answer, again])} copy={copy} eko={eko} /> : null}
    </StepCard>
  );
}
