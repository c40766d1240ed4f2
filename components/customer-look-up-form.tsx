"use client";

import { useActionState } from "react";
import { lookUpCustomerAction } from "@/app/(desk)/customers/actions";
import { useI18n } from "@/components/locale-provider";
import { OtpFailureAlert } from "@/components/otp-failure-alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { describeLookUp } from "@/lib/customers/customer-message";
import { nextSubmissionId, stepCopy } from "@/lib/customers/step-answer";
import { translateText } from "@/lib/i18n/translate";

/**
 * The counter's first step: the customer's mobile. A plain form with its own action, so it works before the script
 * runs; the server made `submissionId`, so a double click or a resent form is one look-up (one SMS). An enrolled
 * customer lands on their own page; anything else is said here.
 */
export function CustomerLookUpForm({ submissionId }: { submissionId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [answer, formAction, pending] = useActionState(lookUpCustomerAction, null);
  const typed = answer?.status === "invalid" ? (answer.values?.customerMobile ?? "") : "";
  const fieldError = answer?.status === "invalid" ? answer.fieldErrors.customerMobile : undefined;
  const copy = stepCopy(answer, describeLookUp, i18n);
  return (
    <>
      <form
        action={formAction}
        aria-label={t("counter.title")}
        aria-busy={pending}
        className="mt-5 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <input type="hidden" name="submissionId" value={nextSubmissionId(answer, submissionId)} />
        <TextField
          id="customerMobile"
          name="customerMobile"
          label={t("counter.mobile.label")}
          hint={t("counter.mobile.hint")}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          enterKeyHint="go"
          required
          defaultValue={typed}
          readOnly={pending}
          error={fieldError ? translateText(t, fieldError) : undefined}
        />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("counter.lookingUp") : t("counter.lookUp")}
        </Button>
      </form>
      {copy ? (
        <OtpFailureAlert
          key={JSON.stringify(answer)}
          copy={copy}
          eko={answer && "eko" in answer ? answer.eko : null}
          httpStatus={answer && "httpStatus" in answer ? answer.httpStatus : null}
        />
      ) : null}
    </>
  );
}
