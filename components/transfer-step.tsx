"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { transferFormAction } from "@/app/(desk)/transfers/actions";
import { useI18n } from "@/components/locale-provider";
import { TransferStatus } from "@/components/transfer-status";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { refusedMessage } from "@/lib/auth/refused-message";
import { formatRupees } from "@/lib/format";
import { translateText } from "@/lib/i18n/translate";
import { CUSTOMER_OTP_LENGTH, readCustomerOtp } from "@/lib/transfers/fields";
import { describeTransfer, mayRetryOtp } from "@/lib/transfers/transfer-message";
import type { TransferView } from "@/lib/transfers/view";

/** What the OTP was sent for: shown read-only, since the server moves exactly what the OTP request holds. */
export type OtpRequestDetails = {
  ref: string;
  amount: number;
  customerMobileMasked: string;
  recipientId: number;
  beneficiaryId: string | null;
  /** The recipient as picked from the customer's list; typed IDs have none. */
  recipient?: { name: string; bank: string; accountMasked: string } | null;
};

const newSubmissionId = () => crypto.randomUUID();

/** The browser's location, asked for only when the agent's shop has none set: "lat,long" to four places (about 11 m). */
function useBrowserLocation(wanted: boolean): string {
  const [latlong, setLatlong] = useState("");
  useEffect(() => {
    if (!wanted || !("geolocation" in navigator)) return;
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => setLatlong(`${coords.latitude.toFixed(4)},${coords.longitude.toFixed(4)}`),
      () => undefined,
      { maximumAge: 10 * 60_000, timeout: 10_000 },
    );
  }, [wanted]);
  return latlong;
}

/**
 * The customer's OTP and the "Transfer ₹N" button, under the transfer's details. A plain form with its own action, so
 * it works before the script runs; one submission id per attempt, so a double click or a resent form is one transfer.
 */
type Props = {
  details: OtpRequestDetails;
  agent: string;
  askLocation: boolean;
  /** A transfer already made on this OTP request (the page was opened again). */
  existing?: TransferView | null;
  onTransfer?: (view: TransferView) => void;
};

export function TransferStep({ details, agent, askLocation, existing = null, onTransfer }: Props) {
  const i18n = useI18n();
  const { locale, t } = i18n;
  // Posted before the script runs, the form lands on the OTP request's own page, which shows the answer.
  const [answer, formAction, pending] = useActionState(transferFormAction, null, `/otp/${details.ref}`);
  const [submissionId, setSubmissionId] = useState(newSubmissionId);
  const [otpError, setOtpError] = useState<string | null>(null);
  const latlong = useBrowserLocation(askLocation);
  const transfer = answer?.status === "transfer" ? answer.transfer : existing;

  // A settled attempt is spent: another try (the OTP typed again) is a new submission.
  const [answered, setAnswered] = useState(answer);
  if (answer !== answered) {
    setAnswered(answer);
    setSubmissionId(newSubmissionId());
  }

  // A new answer changes the agent's recent transfers around this step.
  const router = useRouter();
  useEffect(() => {
    if (answer) router.refresh();
  }, [answer, router]);

  const showForm = !transfer || mayRetryOtp(transfer);
  // Eko refused the OTP as wrong: say so above the field, which stays for another try.
  const retry = transfer && mayRetryOtp(transfer) ? describeTransfer(transfer, i18n) : null;
  const serverError = answer?.status === "invalid" ? ((answer.fieldErrors as Record<string, string | undefined>).otp ?? answer.formError) : null;
  const error = otpError ?? (serverError ? translateText(t, serverError) : undefined);
  const amount = formatRupees(details.amount, locale);

  return (
    <div className="mt-4 print:mt-0">
      <div className="rounded-md border border-slate-200 bg-white p-3 text-sm print:hidden">
        <h3 className="font-semibold">{t("transfer.details.title")}</h3>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="transfer-details">
          <dt className="text-slate-600">{t("transfer.details.customer")}</dt>
          <dd className="font-mono">{details.customerMobileMasked}</dd>
          <dt className="text-slate-600">{t("transfer.details.recipient")}</dt>
          <dd data-testid="transfer-recipient">
            {details.recipient
              ? t("otpResult.recipient", { name: details.recipient.name, bank: details.recipient.bank, account: details.recipient.accountMasked })
              : `${details.recipientId}${details.beneficiaryId ? ` · ${details.beneficiaryId}` : ""}`}
          </dd>
          <dt className="text-slate-600">{t("transfer.details.amount")}</dt>
          <dd className="font-semibold">{amount}</dd>
        </dl>
        <p className="mt-2 text-xs text-slate-600">{t("transfer.details.fixed")}</p>
      </div>
      {answer?.status === "refused" ? (
        <p role="alert" className="mt-3 text-sm text-red-800">
          {refusedMessage(answer.reason, t).title}
        </p>
      ) : null}
      {retry ? (
        <p role="alert" className="mt-3 text-sm font-medium text-red-800">
          {retry.title} {retry.next}
        </p>
      ) : null}
      {showForm ? (
        <form
          action={formAction}
          onSubmit={(event) => {
            const otp = readCustomerOtp(new FormData(event.currentTarget).get("otp"));
            setOtpError(otp.ok ? null : t(otp.error));
            if (!otp.ok || pending) event.preventDefault();
          }}
          noValidate
          aria-label={t("transfer.otp.label")}
          className="mt-3 space-y-3 print:hidden"
        >
          <input type="hidden" name="otpRequestRef" value={details.ref} />
          <input type="hidden" name="submissionId" value={submissionId} />
          <input type="hidden" name="latlong" value={latlong} />
          <TextField
            key={submissionId}
            id={`otp-${details.ref}`}
            name="otp"
            label={t("transfer.otp.label")}
            hint={t("transfer.otp.hint")}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern={`\\d{${CUSTOMER_OTP_LENGTH}}`}
            maxLength={CUSTOMER_OTP_LENGTH + 2}
            enterKeyHint="send"
            required
            readOnly={pending}
            error={error}
          />
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? t("transfer.otp.sending") : t("transfer.otp.submit", { amount })}
          </Button>
        </form>
      ) : null}
      {transfer && !mayRetryOtp(transfer) ? (
        <TransferStatus
          key={transfer.ref}
          initial={transfer}
          agent={agent}
          repeated={answer?.status === "transfer" && answer.repeated}
          onChange={onTransfer}
        />
      ) : null}
    </div>
  );
}
