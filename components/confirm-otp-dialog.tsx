"use client";

import { useEffect, useRef } from "react";
import { useI18n } from "@/components/locale-provider";
import { Button } from "@/components/ui/button";
import { formatRupees } from "@/lib/format";
import { amountInWords } from "@/lib/i18n/amount-in-words";
import type { RecipientChoice } from "@/lib/customers/visit-result";
import type { OtpRequestInput } from "@/lib/otp-requests/fields";

type Props = {
  /** The checked details waiting for the agent's word; null keeps the dialog closed. */
  details: OtpRequestInput | null;
  /** The recipient as picked from the customer's list: named instead of shown by IDs. */
  recipient?: RecipientChoice | null;
  /** The verified customer's mobile, masked: their full number never reaches the browser. */
  mobileMasked?: string;
  onConfirm: () => void;
  onEdit: () => void;
};

const spacedMobile = (mobile: string) => `${mobile.slice(0, 5)} ${mobile.slice(5)}`;

/**
 * The last look before an SMS goes out: the agent reads the details back to the customer. Escape means Edit. A
 * native modal <dialog> keeps focus inside and everything behind it inert.
 */
export function ConfirmOtpDialog({ details, recipient, mobileMasked, onConfirm, onEdit }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const open = details !== null;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      confirmButton.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-modal="true"
      aria-labelledby="confirm-otp-title"
      aria-describedby="confirm-otp-details"
      onCancel={(event) => {
        event.preventDefault();
        onEdit();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-sm rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/60"
    >
      {details ? (
        <div className="p-4">
          <h2 id="confirm-otp-title" className="text-lg font-semibold">
            {t("confirm.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("confirm.intro")}</p>
          <ConfirmDetails id="confirm-otp-details" details={details} recipient={recipient} mobileMasked={mobileMasked} />
          <div className="mt-4 flex flex-col gap-2">
            <Button ref={confirmButton} type="button" onClick={onConfirm}>
              {t("confirm.send")}
            </Button>
            <Button type="button" variant="secondary" onClick={onEdit}>
              {t("confirm.edit")}
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}

/** The details read back to the customer: in the dialog, and on the page when the form was posted without a script. */
type DetailsProps = { id: string; details: OtpRequestInput; recipient?: RecipientChoice | null; mobileMasked?: string };

export function ConfirmDetails({ id, details, recipient, mobileMasked }: DetailsProps) {
  const { locale, t } = useI18n();
  const rows = [
    { label: t("confirm.mobile"), value: mobileMasked ?? spacedMobile(details.customerMobile), testId: "confirm-mobile" },
    ...(recipient
      ? [{ label: t("transfer.details.recipient"), value: `${recipient.name}, ${recipient.bank} ${recipient.accountMasked}`, testId: "confirm-recipient", words: true }]
      : [
          { label: t("confirm.recipient"), value: String(details.recipientId), testId: "confirm-recipient" },
          { label: t("confirm.beneficiary"), value: details.beneficiaryId ?? t("confirm.noBeneficiary"), testId: "confirm-beneficiary" },
        ]),
  ];
  return (
    <dl id={id} className="mt-4 divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
      {rows.map((row) => (
        <div key={row.testId} className="flex items-baseline justify-between gap-3 px-3 py-2">
          <dt className="text-slate-600">{row.label}</dt>
          <dd
            data-testid={row.testId}
            className={`text-right text-base font-semibold ${"words" in row ? "break-words" : "break-all font-mono tabular-nums"}`}
          >
            {row.value}
          </dd>
        </div>
      ))}
      <div className="flex items-baseline justify-between gap-3 px-3 py-2">
        <dt className="text-slate-600">{t("confirm.amount")}</dt>
        <dd className="text-right">
          <span data-testid="confirm-amount" className="block text-xl font-bold tabular-nums">
            {formatRupees(details.amount, locale)}
          </span>
          <span data-testid="confirm-amount-words" className="block text-sm text-slate-700">
            {amountInWords(details.amount, locale)}
          </span>
        </dd>
      </div>
    </dl>
  );
}
