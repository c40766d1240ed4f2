"use client";

import { useActionState, useState } from "react";
import { addRecipientAction } from "@/app/(desk)/customers/actions";
import { useI18n } from "@/components/locale-provider";
import { OtpFailureAlert } from "@/components/otp-failure-alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { bankOfIfsc } from "@/lib/customers/banks";
import { describeAddRecipient } from "@/lib/customers/customer-message";
import { nextSubmissionId, stepCopy } from "@/lib/customers/step-answer";
import { readNewRecipient } from "@/lib/customers/new-recipient";
import type { NewRecipientField } from "@/lib/customers/visit-result";
import { translateText } from "@/lib/i18n/translate";

/**
 * A new recipient for the verified customer. A plain form with its own action (it works before the script runs); with
 * the script, the same readers as the server check it first. The account number is typed twice, and the browser is
 * asked not to keep or suggest it.
 */
export function AddRecipientForm({ visitId, submissionId }: { visitId: string; submissionId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [answer, formAction, pending] = useActionState(addRecipientAction, null);
  const [checked, setChecked] = useState<Partial<Record<NewRecipientField, string>>>({});
  const [ifsc, setIfsc] = useState("");
  const echoed: Record<string, string> = answer?.status === "invalid" && "values" in answer ? (answer.values ?? {}) : {};
  const serverErrors: Partial<Record<NewRecipientField, string>> =
    answer && "fieldErrors" in answer ? (answer.fieldErrors as Partial<Record<NewRecipientField, string>>) : {};
  const error = (name: NewRecipientField) => {
    const message = checked[name] ?? serverErrors[name];
    return message ? translateText(t, message) : undefined;
  };
  const copy = stepCopy(answer, describeAddRecipient, i18n);
  const bank = bankOfIfsc(ifsc || echoed.ifsc || "");
  const field = (name: NewRecipientField) => ({
    id: `recipient-${name}`,
    name,
    error: error(name),
    readOnly: pending,
    defaultValue: echoed[name] ?? "",
  });

  return (
    <>
      <form
        action={formAction}
        noValidate
        aria-busy={pending}
        onSubmit={(event) => {
          const read = readNewRecipient(Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>);
          setChecked(read.ok ? {} : read.errors);
          if (!read.ok) event.preventDefault();
        }}
        className="mt-5 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <input type="hidden" name="visitId" value={visitId} />
        <input type="hidden" name="submissionId" value={nextSubmissionId(answer, submissionId)} />
        <TextField label={t("addRecipient.name")} hint={t("addRecipient.nameHint")} autoComplete="off" autoCapitalize="words" {...field("name")} />
        <TextField label={t("addRecipient.mobile")} type="tel" inputMode="tel" autoComplete="off" {...field("mobile")} />
        <TextField label={t("addRecipient.account")} inputMode="numeric" autoComplete="off" spellCheck={false} {...field("account")} />
        <TextField label={t("addRecipient.accountConfirm")} inputMode="numeric" autoComplete="off" spellCheck={false} {...field("accountConfirm")} />
        <TextField
          label={t("addRecipient.ifsc")}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={11}
          hint={bank ? t("addRecipient.bank", { bank }) : t("addRecipient.bankUnknown")}
          onChange={(event) => setIfsc(event.currentTarget.value)}
          {...field("ifsc")}
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t("addRecipient.accountType")}</legend>
          <div className="mt-1 flex gap-4">
            {(["1", "2"] as const).map((value) => (
              <label key={value} className="flex min-h-11 items-center gap-2 text-base">
                <input
                  type="radio"
                  name="accountType"
                  value={value}
                  defaultChecked={(echoed.accountType ?? "1") === value}
                  className="size-4 accent-brand-700"
                />
                {value === "1" ? t("addRecipient.savings") : t("addRecipient.current")}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("addRecipient.adding") : t("addRecipient.submit")}
        </Button>
      </form>
      {copy ? <OtpFailureAlert key={JSON.stringify(answer)} copy={copy} eko={answer && "eko" in answer ? answer.eko : null} /> : null}
    </>
  );
}
