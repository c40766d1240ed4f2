"use client";

import { ConfirmDetails } from "@/components/confirm-otp-dialog";
import { useI18n } from "@/components/locale-provider";
import { Button } from "@/components/ui/button";
import type { RecipientChoice } from "@/lib/customers/visit-result";
import type { OtpRequestFormValues, OtpRequestInput } from "@/lib/otp-requests/fields";

type Props = {
  details: OtpRequestInput;
  /** A picked recipient and the verified customer's masked mobile, as the dialog shows them. */
  recipient?: RecipientChoice | null;
  mobileMasked?: string;
  typed: OtpRequestFormValues;
  submissionId: string;
  formAction: (form: FormData) => void;
};

/**
 * The confirmation step for a form posted before or without the page's script: the same details as the dialog, and
 * a form that posts them again with the agent's word and the submission id the server made for them.
 */
export function PostedConfirmation({ details, recipient, mobileMasked, typed, submissionId, formAction }: Props) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="posted-confirm-title" className="mt-6 rounded-lg border border-brand-300 bg-white p-4 shadow-sm">
      <h2 id="posted-confirm-title" className="text-lg font-semibold">
        {t("confirm.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("confirm.intro")}</p>
      <ConfirmDetails id="posted-confirm-details" details={details} recipient={recipient} mobileMasked={mobileMasked} />
      <form action={formAction} className="mt-4 flex flex-col gap-2">
        <input type="hidden" name="confirmed" value="1" />
        <input type="hidden" name="submissionId" value={submissionId} />
        {Object.entries(typed).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value ?? ""} />
        ))}
        <Button type="submit">{t("confirm.send")}</Button>
      </form>
      <p className="mt-3 text-sm text-slate-600">{t("confirm.editAbove")}</p>
    </section>
  );
}
