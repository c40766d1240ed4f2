"use client";

import { enrolCustomerAction } from "@/app/(desk)/customers/actions";
import { useI18n } from "@/components/locale-provider";
import { OtpFailureAlert } from "@/components/lazy-alerts";
import { StepCard } from "@/components/step-card";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useStepForm } from "@/components/use-step-form";
import { describeEnrol } from "@/lib/customers/enrolment-message";
import { nextSubmissionId, stepCopy } from "@/lib/customers/step-answer";

/** A customer Get Sender found not enrolled: their name, date of birth and address, as on their ID. */
export function EnrolForm({ visitId, mobileMasked, submissionId }: { visitId: string; mobileMasked: string; submissionId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { answer, pending, onSubmit, formAction, preload, field } = useStepForm(
    () => import("@/lib/customers/enrolment-form").then((m) => m.enrolSchema),
    enrolCustomerAction,
  );
  const copy = stepCopy(answer, describeEnrol, i18n);
  return (
    <StepCard id="enrol-title" title={t("enrol.title")} intro={t("enrol.intro", { mobile: mobileMasked })}>
      <form action={formAction} onSubmit={onSubmit} onFocus={preload} noValidate aria-busy={pending} className="mt-4 space-y-4">
        <input type="hidden" name="visitId" value={visitId} />
        <input type="hidden" name="submissionId" value={nextSubmissionId(answer, submissionId)} />
        <TextField
          label={t("enrol.name")}
          hint={t("enrol.nameHint")}
          autoComplete="off"
          autoCapitalize="words"
          spellCheck={false}
          {...field("name")}
        />
        <TextField label={t("enrol.dob")} hint={t("enrol.dobHint")} type="date" autoComplete="off" {...field("dob")} />
        <fieldset className="space-y-4">
          <legend className="text-sm font-semibold text-slate-900">{t("enrol.address")}</legend>
          <TextField label={t("enrol.street")} autoComplete="off" {...field("street")} />
          <TextField label={t("enrol.city")} autoComplete="off" {...field("city")} />
          <TextField label={t("enrol.state")} autoComplete="off" {...field("state")} />
          <TextField label={t("enrol.pincode")} inputMode="numeric" autoComplete="off" maxLength={7} {...field("pincode")} />
        </fieldset>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("enrol.submitting") : t("enrol.submit")}
        </Button>
      </form>
      {copy ? <OtpFailureAlert key={JSON.stringify(answer)} copy={copy} eko={answer && "eko" in answer ? answer.eko : null} /> : null}
    </StepCard>
  );
}
