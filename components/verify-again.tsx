"use client";

import { useActionState } from "react";
import { lookUpAgainAction } from "@/app/(desk)/customers/actions";
import { useI18n } from "@/components/locale-provider";
import { OtpFailureAlert } from "@/components/otp-failure-alert";
import { StepCard } from "@/components/step-card";
import { Button } from "@/components/ui/button";
import { describeLookUp } from "@/lib/customers/customer-message";
import { nextSubmissionId, stepCopy } from "@/lib/customers/step-answer";
import type { VerifyAgain } from "@/lib/customers/visit-result";

/** KYC done without a wallet token (or Eko wants it): a fresh Get Sender OTP opens the customer's card. */
export function VerifyAgainForm({ visitId, reason, submissionId }: { visitId: string; reason: VerifyAgain; submissionId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [again, lookUpAgain, pending] = useActionState(lookUpAgainAction, null);
  const copy = stepCopy(again, describeLookUp, i18n);
  return (
    <StepCard id="verify-again-title" title={t("verifyAgain.title")} intro={t(`verifyAgain.${reason}`)}>
      <form action={lookUpAgain} aria-busy={pending} className="mt-4">
        <input type="hidden" name="visitId" value={visitId} />
        <input type="hidden" name="submissionId" value={nextSubmissionId(again, submissionId)} />
        <Button type="submit" className="w-full" disabled={pending}>
          {t("verifyAgain.button")}
        </Button>
      </form>
      {copy ? <OtpFailureAlert key={JSON.stringify(again)} copy={copy} eko={again && "eko" in again ? again.eko : null} /> : null}
    </StepCard>
  );
}
