"use client";

import Link from "next/link";
import { useWatch } from "react-hook-form";
import { validateAadhaarAction, validatePanAction, verifyAadhaarAction } from "@/app/(desk)/customers/actions";
import { useI18n } from "@/components/locale-provider";
import { OtpFailureAlert } from "@/components/lazy-alerts";
import { StepCard } from "@/components/step-card";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useStepForm } from "@/components/use-step-form";
import { aadhaarHint } from "@/lib/customers/fields";
import { describeKyc } from "@/lib/customers/enrolment-message";
import { nextSubmissionId, stepCopy } from "@/lib/customers/step-answer";
import type { MessageKey } from "@/lib/i18n/translate";

/** The steps' zod schemas, fetched when a form is first used (useStepForm). */
const schemas = () => import("@/lib/customers/enrolment-form");

type StepProps = { visitId: string; submissionId: string };
type KycAnswer = Awaited<ReturnType<typeof validatePanAction>>;
type Form = Pick<ReturnType<typeof useStepForm>, "onSubmit" | "formAction" | "preload"> & { answer: KycAnswer | null; pending: boolean };

/** The frame every KYC step shares: title, what Eko wants, the form, and what became of the last try. */
function KycStep({
  form,
  title,
  intro,
  submit,
  submitting,
  visitId,
  submissionId,
  children,
  after,
}: StepProps & {
  form: Form;
  title: MessageKey;
  intro: string;
  submit: MessageKey;
  submitting: MessageKey;
  children: React.ReactNode;
  after?: React.ReactNode;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { answer, pending } = form;
  const copy = stepCopy(answer, describeKyc, i18n);
  return (
    <StepCard id="kyc-title" title={t(title)} intro={intro}>
      <form
        action={form.formAction}
        onSubmit={form.onSubmit}
        onFocus={form.preload}
        noValidate
        aria-busy={pending}
        autoComplete="off"
        className="mt-4 space-y-4"
      >
        <input type="hidden" name="visitId" value={visitId} />
        <input type="hidden" name="submissionId" value={nextSubmissionId(answer, submissionId)} />
        {children}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t(submitting) : t(submit)}
        </Button>
      </form>
      {after}
      {copy ? <OtpFailureAlert key={JSON.stringify(answer)} copy={copy} eko={answer && "eko" in answer ? answer.eko : null} /> : null}
    </StepCard>
  );
}

/** The Aadhaar number: masked as typed (the last four shown beneath), never kept by the browser or the desk. */
export function AadhaarForm(props: StepProps) {
  const { t } = useI18n();
  const form = useStepForm(() => schemas().then((m) => m.aadhaarSchema), validateAadhaarAction);
  const typed = useWatch({ control: form.form.control, name: "aadhaar" }) as string | undefined;
  const masked = aadhaarHint(typed ?? "");
  return (
    <KycStep {...props} form={form} title="aadhaar.title" intro={t("aadhaar.intro")} submit="aadhaar.submit" submitting="aadhaar.submitting">
      <TextField
        label={t("aadhaar.label")}
        hint={t("aadhaar.hint")}
        note={masked ? t("aadhaar.typed", { masked }) : undefined}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={14}
        {...form.field("aadhaar")}
      />
    </KycStep>
  );
}

/** The OTP Eko texted to the customer's Aadhaar-linked mobile. */
export function AadhaarOtpForm({ mobileHint, ...props }: StepProps & { mobileHint: string | null }) {
  const { t } = useI18n();
  const form = useStepForm(() => schemas().then((m) => m.aadhaarOtpSchema), verifyAadhaarAction);
  const again = (
    <Link
      href={`/customers/${props.visitId}?step=aadhaar`}
      className="mt-2 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2"
    >
      {t("aadhaarOtp.again")}
    </Link>
  );
  const intro = mobileHint ? t("aadhaarOtp.introHint", { hint: mobileHint }) : t("aadhaarOtp.intro");
  return (
    <KycStep
      {...props}
      form={form}
      title="aadhaarOtp.title"
      intro={intro}
      submit="aadhaarOtp.submit"
      submitting="aadhaarOtp.submitting"
      after={again}
    >
      <TextField
        label={t("aadhaarOtp.label")}
        hint={t("aadhaarOtp.hint")}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={8}
        {...form.field("otp")}
      />
    </KycStep>
  );
}

/** The PAN, upper-cased as typed; never kept by the browser or the desk. */
export function PanForm(props: StepProps) {
  const { t } = useI18n();
  const form = useStepForm(() => schemas().then((m) => m.panSchema), validatePanAction);
  return (
    <KycStep {...props} form={form} title="pan.title" intro={t("pan.intro")} submit="pan.submit" submitting="pan.submitting">
      <TextField
        label={t("pan.label")}
        hint={t("pan.hint")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={10}
        className="[&_input]:uppercase"
        {...form.field("pan")}
      />
    </KycStep>
  );
}
