import "server-only";
import type { EkoConfig } from "@/lib/eko/config";
import type { EkoOtpOutcome } from "@/lib/eko/otp-outcome";
import { rejectionReasonOf } from "@/lib/eko/rejection-reason";
import { answerColumnsOf } from "@/lib/ledger/answer-columns";
import type { Completion } from "./ledger-repository";
import { maskMobile } from "@/lib/privacy/mask";
import type { FieldErrors, OtpRequestResult } from "./result";
import type { OtpFieldName, OtpRequestInput } from "./fields";

const FIELD_FOR_EKO_PARAM: Record<string, OtpFieldName> = {
  recipient_id: "recipientId",
  amount: "amount",
  customer_id: "customerMobile",
  beneficiary_id: "beneficiaryId",
};

function splitInvalidParams(params: Record<string, string>) {
  const fieldErrors: FieldErrors = {};
  const otherParams: Record<string, string> = {};
  for (const [param, message] of Object.entries(params)) {
    const field = FIELD_FOR_EKO_PARAM[param];
    if (field) fieldErrors[field] = message;
    else otherParams[param] = message;
  }
  return { fieldErrors, otherParams };
}

/** What the agent is shown for Eko's answer: masked, without keys. */
export function resultOf(outcome: EkoOtpOutcome, input: OtpRequestInput, clientRefId: string, config: EkoConfig, sentAt: Date): OtpRequestResult {
  switch (outcome.kind) {
    case "sent":
      return {
        status: "sent",
        otpRefId: outcome.otpRefId,
        maskedMobile: maskMobile(input.customerMobile),
        sentAt: sentAt.toISOString(),
        clientRefId,
        eko: outcome.codes,
        amount: input.amount,
        recipientId: input.recipientId,
        beneficiaryId: input.beneficiaryId ?? null,
      };
    case "rejected": {
      const { fieldErrors, otherParams } = splitInvalidParams(outcome.invalidParams);
      const hasParams = Object.keys(outcome.invalidParams).length > 0;
      return { status: "rejected", reason: rejectionReasonOf(outcome.codes, hasParams), clientRefId, eko: outcome.codes, fieldErrors, otherParams };
    }
    case "failed":
      return { status: "failed", reason: outcome.reason, clientRefId, eko: outcome.codes, httpStatus: outcome.httpStatus };
    case "unknown":
      return { status: "unknown", reason: outcome.reason, clientRefId, timeoutSeconds: Math.round(config.timeoutMs / 1000) };
  }
}

/** What the ledger row is completed with: Eko's codes, and the result the agent was shown. */
export function completionOf(outcome: EkoOtpOutcome, latencyMs: number, result: OtpRequestResult): Completion {
  return {
    state: outcome.kind,
    otpRefId: outcome.kind === "sent" ? outcome.otpRefId : null,
    ...answerColumnsOf(outcome, latencyMs),
    result,
  };
}
