"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { sendOtpAction } from "@/app/(desk)/actions";
import { OtpFailureAlert } from "@/components/otp-failure-alert";
import { OtpResult } from "@/components/otp-result";
import { Button } from "@/components/ui/button";
import { REFUSED_COPY } from "@/lib/auth/refused-copy";
import { TextField } from "@/components/ui/text-field";
import { formatRupees } from "@/lib/format";
import { describeOutcome, DESK_UNREACHABLE } from "@/lib/otp-requests/outcome-copy";
import type { FieldErrors } from "@/lib/otp-requests/result";
import {
  createOtpRequestSchema,
  otpFieldNames,
  type AmountBounds,
  type OtpRequestFormValues,
  type OtpFieldName,
  type OtpRequestInput,
} from "@/lib/otp-requests/schema";

const EMPTY: OtpRequestFormValues = { recipientId: "", amount: "", customerMobile: "", beneficiaryId: "" };

type ActionResult = Awaited<ReturnType<typeof sendOtpAction>>;

const newSubmissionId = () => crypto.randomUUID();

export function TransferForm({ bounds }: { bounds: AmountBounds }) {
  const schema = useMemo(() => createOtpRequestSchema(bounds), [bounds]);
  const form = useForm<OtpRequestFormValues, unknown, OtpRequestInput>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY,
    mode: "onTouched",
  });
  const { errors } = form.formState;
  // Focus moves only after React has rendered the state that needs it (enabled fields, cleared result).
  const focusTarget = useRef<OtpFieldName | null>(null);

  const router = useRouter();
  // One id per transfer: the same submission arriving twice (double click, retry, replay) is one Eko call.
  const [submissionId, setSubmissionId] = useState(newSubmissionId);
  const send = useMutation({
    mutationFn: (values: OtpRequestFormValues) => sendOtpAction({ submissionId, values }),
    onSuccess: (result) => {
      showFieldErrors(result);
      // Only a sent OTP pins the id; after a refusal or failure a corrected or repeated try is a new submission.
      if (result.status !== "sent") setSubmissionId(newSubmissionId());
      router.refresh();
    },
  });

  // Changing any detail after an OTP went out makes it a different transfer.
  const sentAlready = send.data?.status === "sent";
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: () => {
          if (sentAlready) setSubmissionId(newSubmissionId());
        },
      }),
    [form, sentAlready],
  );

  useEffect(() => {
    if (!focusTarget.current || send.isPending) return;
    form.setFocus(focusTarget.current);
    focusTarget.current = null;
  });

  function showFieldErrors(result: ActionResult) {
    const fieldErrors: FieldErrors = "fieldErrors" in result ? result.fieldErrors : {};
    const withErrors = otpFieldNames.filter((field) => fieldErrors[field]);
    for (const field of withErrors) form.setError(field, { type: "server", message: fieldErrors[field] });
    if (withErrors[0]) focusTarget.current = withErrors[0];
  }

  // The server re-parses exactly what the agent typed, with the same schema.
  const onSubmit = form.handleSubmit(() => {
    if (!send.isPending) send.mutate(form.getValues());
  });

  function startNewTransfer() {
    send.reset();
    setSubmissionId(newSubmissionId());
    form.reset(EMPTY);
    focusTarget.current = "recipientId";
  }

  const result = send.data;
  const register = (name: keyof OtpRequestFormValues) => ({
    ...form.register(name),
    error: errors[name]?.message,
    // Read-only, not disabled, while Eko answers: what is shown stays what was sent, and focus is not lost.
    readOnly: send.isPending,
  });

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="mt-5 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-busy={send.isPending}>
        <TextField id="recipientId" label="Recipient ID" inputMode="numeric" autoComplete="off" {...register("recipientId")} />
        <TextField
          id="amount"
          label="Amount (₹)"
          inputMode="numeric"
          autoComplete="off"
          hint={`Whole rupees, ${formatRupees(bounds.minAmount)} to ${formatRupees(bounds.maxAmount)}.`}
          {...register("amount")}
        />
        <TextField
          id="customerMobile"
          label="Customer mobile"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          hint="The sender's 10-digit mobile. +91 or a leading 0 is fine."
          {...register("customerMobile")}
        />
        <TextField
          id="beneficiaryId"
          label="Beneficiary ID"
          hint="Optional: from the customer's recipient list."
          autoComplete="off"
          {...register("beneficiaryId")}
        />
        <Button type="submit" className="w-full" disabled={send.isPending}>
          {send.isPending ? (
            <>
              <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />
              Sending OTP…
            </>
          ) : (
            "Send OTP"
          )}
        </Button>
      </form>

      {send.isError ? <OtpFailureAlert key={send.submittedAt} copy={DESK_UNREACHABLE} /> : null}
      {result?.status === "sent" ? <OtpResult key={send.submittedAt} result={result} onNewTransfer={startNewTransfer} /> : null}
      {result?.status === "refused" ? <OtpFailureAlert key={send.submittedAt} copy={REFUSED_COPY[result.reason]} /> : null}
      {result && result.status !== "sent" && result.status !== "refused" ? (
        <OtpFailureAlert
          key={send.submittedAt}
          copy={describeOutcome(result)}
          eko={"eko" in result ? result.eko : null}
          httpStatus={"httpStatus" in result ? result.httpStatus : null}
          otherParams={result.status === "rejected" ? result.otherParams : undefined}
          clientRefId={"clientRefId" in result ? result.clientRefId : undefined}
        />
      ) : null}
    </>
  );
}
