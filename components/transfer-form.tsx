"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { sendOtpAction, sendOtpFormAction } from "@/app/(desk)/actions";
import { ConfirmOtpDialog, OtpAnswer, PostedConfirmation, preloadTransferAnswers } from "@/components/lazy-alerts";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { useI18n } from "@/components/locale-provider";
import { startingValues, typedIn } from "@/components/transfer-form-values";
import { recentRecipientsKey } from "@/components/recent-recipient-picks";
import { RecipientChoices } from "@/components/recipient-choices";
import { TypedRecipientFields } from "@/components/typed-recipient-fields";
import type { CustomerForForm } from "@/lib/customers/visit-result";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { formatRupees } from "@/lib/format";
import { amountInWords } from "@/lib/i18n/amount-in-words";
import { translateText } from "@/lib/i18n/translate";
import type { FieldErrors } from "@/lib/otp-requests/result";
import { readWholeRupees, type AmountBounds, type OtpFieldName, type OtpRequestFormValues, type OtpRequestInput } from "@/lib/otp-requests/fields";

/** The order on screen: the customer's mobile first, so their recent recipients can fill the next two fields. */
const FIELD_ORDER: readonly OtpFieldName[] = ["customerMobile", "recipientId", "beneficiaryId", "amount"];
/** After a sent OTP, "Send OTP again" waits this long: the SMS usually arrives within it. */
export const RESEND_COOL_DOWN_MS = 30_000;

type ActionResult = Awaited<ReturnType<typeof sendOtpAction>>;

type Submission = { submissionId: string; values: OtpRequestFormValues };

const newSubmissionId = () => crypto.randomUUID();

/** When "Send OTP again" may be pressed: a cool-down after a sent OTP, the server's retry time after a limit. */
function resendTime(result: ActionResult): number | null {
  if (result.status === "sent") return Date.now() + RESEND_COOL_DOWN_MS;
  return result.status === "limited" ? Date.parse(result.retryAt) : null;
}

type TransferFormProps = {
  bounds: AmountBounds;
  customer?: CustomerForForm;
  /** Who is at the counter, for the receipt. */
  agent: string;
  /** The agent's shop has no location set: the transfer step asks the browser for one. */
  askLocation: boolean;
};

export function TransferForm({ bounds: deskBounds, customer, agent, askLocation }: TransferFormProps) {
  const i18n = useI18n();
  const { locale, t } = i18n;
  const remaining = customer?.remaining ?? undefined;
  const bounds = useMemo(() => ({ ...deskBounds, remaining }), [deskBounds, remaining]);
  const starting = useMemo(() => startingValues(customer), [customer]);
  const { resolver, preload } = useMemo(
    () =>
      lazyZodResolver<OtpRequestFormValues, OtpRequestInput>(() => import("@/lib/otp-requests/schema").then((m) => m.createOtpRequestSchema(bounds))),
    [bounds],
  );
  // Before the script runs, the form posts here instead (so nothing typed lands in a URL); the answer comes back
  // with the page.
  const [posted, postForm] = useActionState(sendOtpFormAction, null);
  const typed = typedIn(posted);
  const form = useForm<OtpRequestFormValues, unknown, OtpRequestInput>({
    resolver,
    defaultValues: { ...starting, ...typed },
    mode: "onTouched",
  });
  const { errors } = form.formState;
  const [typedMobile, typedAmount, pickedId] = useWatch({ control: form.control, name: ["customerMobile", "amount", "recipientId"] });
  const pickedRecipient = customer?.recipients.find((r) => String(r.recipientId) === pickedId) ?? null;
  // Focus moves only after React has rendered the state that needs it (enabled fields, cleared result).
  const focusTarget = useRef<OtpFieldName | "send" | null>(null);
  const sendButton = useRef<HTMLButtonElement>(null);

  const router = useRouter();
  const queryClient = useQueryClient();
  // One id per transfer: the same submission arriving twice (double click, retry, replay) is one Eko call.
  const [submissionId, setSubmissionId] = useState(newSubmissionId);
  // Checked details waiting for the agent to confirm: nothing goes to Eko before that.
  const [confirming, setConfirming] = useState<{ input: OtpRequestInput; values: OtpRequestFormValues } | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const send = useMutation({
    mutationFn: ({ submissionId: id, values }: Submission) => sendOtpAction({ submissionId: id, values }),
    onSuccess: (result) => {
      showFieldErrors(result);
      // Only a sent OTP pins the id; after a refusal or failure a corrected or repeated try is a new submission.
      if (result.status !== "sent") setSubmissionId(newSubmissionId());
      setResendAt(resendTime(result));
      if (result.status === "sent") void queryClient.invalidateQueries({ queryKey: recentRecipientsKey() });
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
    if (focusTarget.current === "send") sendButton.current?.focus();
    else form.setFocus(focusTarget.current);
    focusTarget.current = null;
  });

  function showFieldErrors(result: ActionResult) {
    const fieldErrors: FieldErrors = "fieldErrors" in result ? result.fieldErrors : {};
    const withErrors = FIELD_ORDER.filter((field) => fieldErrors[field]);
    for (const field of withErrors) form.setError(field, { type: "server", message: fieldErrors[field] });
    if (withErrors[0]) focusTarget.current = withErrors[0];
  }

  // "Send OTP" only checks and asks; the server re-parses exactly what the agent typed, with the same field readers.
  const onSubmit = form.handleSubmit((input) => {
    if (!send.isPending) setConfirming({ input, values: form.getValues() });
  });

  function confirm() {
    if (!confirming || send.isPending) return;
    send.mutate({ submissionId, values: confirming.values });
    setConfirming(null);
  }

  // Back to Send OTP once the dialog has gone (it is unmounted, so it cannot hand focus back itself).
  function edit() {
    setConfirming(null);
    focusTarget.current = "send";
  }

  /** The same details again as a new submission: the old one would only replay its first answer. */
  function sendAgain() {
    const last = send.variables;
    if (!last || send.isPending) return;
    const id = newSubmissionId();
    setSubmissionId(id);
    send.mutate({ submissionId: id, values: last.values });
  }

  function startNewTransfer() {
    send.reset();
    setResendAt(null);
    setSubmissionId(newSubmissionId());
    form.reset(starting);
    focusTarget.current = customer ? "amount" : FIELD_ORDER[0]!;
  }

  function pickRecipient(pick: { recipientId: string; beneficiaryId: string | null }) {
    const options = { shouldDirty: true, shouldTouch: true, shouldValidate: true } as const;
    form.setValue("recipientId", pick.recipientId, options);
    form.setValue("beneficiaryId", pick.beneficiaryId ?? "", options);
    form.setFocus("amount");
  }

  // A posted form's answer stands until the agent sends from the script-driven form.
  const postedAnswer = !send.data && !send.isPending ? posted : null;
  const result = send.data ?? (postedAnswer && postedAnswer.status !== "confirm" ? postedAnswer : undefined);
  const postedErrors: FieldErrors = postedAnswer && "fieldErrors" in postedAnswer ? postedAnswer.fieldErrors : {};
  const fieldError = (name: OtpFieldName) => {
    const message = errors[name]?.message ?? postedErrors[name];
    return message
      ? translateText(t, message, {
          min: formatRupees(bounds.minAmount, locale),
          max: formatRupees(bounds.maxAmount, locale),
          remaining: formatRupees(remaining ?? 0, locale),
        })
      : undefined;
  };
  const register = (name: OtpFieldName) => ({
    ...form.register(name),
    defaultValue: typed[name] ?? "",
    error: fieldError(name),
    // Read-only, not disabled, while Eko answers: what is shown stays what was sent, and focus is not lost.
    readOnly: send.isPending,
  });
  const rupees = readWholeRupees(typedAmount);
  const words = rupees !== null && rupees > 0 ? amountInWords(rupees, locale) : null;

  return (
    <>
      <form
        action={postForm}
        onSubmit={onSubmit}
        onFocus={() => {
          preload();
          preloadTransferAnswers();
        }}
        noValidate
        aria-label={t("transfer.form")}
        className="mt-5 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden"
        aria-busy={send.isPending}
      >
        {customer ? (
          <>
            {/* Values in the HTML too, so the form posts them before the script runs. */}
            <input type="hidden" {...form.register("visitId")} defaultValue={starting.visitId} />
            <input type="hidden" {...form.register("beneficiaryId")} defaultValue={typed.beneficiaryId ?? starting.beneficiaryId} />
            <RecipientChoices
              recipients={customer.recipients}
              field={form.register("recipientId")}
              initial={typed.recipientId ? Number(typed.recipientId) : customer.picked}
              onChoose={(choice) => {
                form.setValue("beneficiaryId", choice.beneficiaryId ?? "");
                form.clearErrors("recipientId");
              }}
              error={fieldError("recipientId")}
              readOnly={send.isPending}
            />
          </>
        ) : (
          <TypedRecipientFields register={register} typedMobile={typedMobile} onPick={pickRecipient} />
        )}
        <TextField
          id="amount"
          label={t("field.amount")}
          inputMode="numeric"
          autoComplete="off"
          enterKeyHint="send"
          hint={t("hint.amount", { min: formatRupees(bounds.minAmount, locale), max: formatRupees(bounds.maxAmount, locale) })}
          note={words ? <span data-testid="amount-in-words">{t("transfer.inWords", { words })}</span> : null}
          {...register("amount")}
        />
        <Button ref={sendButton} type="submit" className="w-full" disabled={send.isPending}>
          {send.isPending ? (
            <>
              <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />
              {t("transfer.sending")}
            </>
          ) : (
            t("transfer.send")
          )}
        </Button>
      </form>

      {confirming ? (
        <ConfirmOtpDialog
          details={confirming.input}
          recipient={pickedRecipient}
          mobileMasked={customer?.mobileMasked}
          onConfirm={confirm}
          onEdit={edit}
        />
      ) : null}
      {postedAnswer?.status === "confirm" ? (
        <PostedConfirmation
          details={postedAnswer.details}
          recipient={customer?.recipients.find((r) => r.recipientId === postedAnswer.details.recipientId)}
          mobileMasked={customer?.mobileMasked}
          typed={postedAnswer.typed}
          submissionId={postedAnswer.submissionId}
          formAction={postForm}
        />
      ) : null}

      {send.isError || result ? (
        <OtpAnswer
          key={send.submittedAt}
          result={result}
          unreachable={send.isError}
          resendAt={resendAt}
          resending={send.isPending}
          onResend={sendAgain}
          onNewTransfer={startNewTransfer}
          agent={agent}
          askLocation={askLocation}
        />
      ) : null}
    </>
  );
}
