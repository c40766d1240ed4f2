import "server-only";
import { getEkoConfig, type EkoConfig } from "@/lib/eko/config";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import type { EkoOtpOutcome } from "@/lib/eko/otp-outcome";
import { rejectionReasonOf } from "@/lib/eko/rejection-reason";
import { sendTransactionOtp } from "@/lib/eko/send-transaction-otp";
import { logEvent } from "@/lib/log";
import { maskMobile } from "./mobile";
import type { FieldErrors, OtpRequestResult } from "./result";
import type { OtpFieldName, OtpRequestInput } from "./schema";

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

function toResult(outcome: EkoOtpOutcome, input: OtpRequestInput, clientRefId: string, config: EkoConfig, sentAt: Date): OtpRequestResult {
  switch (outcome.kind) {
    case "sent":
      return {
        status: "sent",
        otpRefId: outcome.otpRefId,
        maskedMobile: maskMobile(input.customerMobile),
        sentAt: sentAt.toISOString(),
        clientRefId,
        eko: outcome.codes,
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

/** The agent's request for a transaction OTP: one signed call to Eko, one typed result. */
export async function requestTransactionOtp(input: OtpRequestInput): Promise<OtpRequestResult> {
  const config = getEkoConfig();
  const clientRefId = newClientRefId();
  const startedAt = new Date();
  const outcome = await sendTransactionOtp(
    {
      clientRefId,
      userCode: config.userCode,
      recipientId: input.recipientId,
      amount: input.amount,
      customerMobile: input.customerMobile,
      beneficiaryId: input.beneficiaryId,
    },
    { config },
  );
  const latencyMs = Date.now() - startedAt.getTime();
  const codes = outcome.kind === "unknown" ? null : outcome.codes;
  logEvent(outcome.kind === "sent" ? "info" : "warn", "eko.send_otp", {
    clientRefId,
    outcome: outcome.kind,
    reason: "reason" in outcome ? outcome.reason : undefined,
    httpStatus: "httpStatus" in outcome ? outcome.httpStatus : undefined,
    ekoStatus: codes?.status,
    ekoResponseTypeId: codes?.responseTypeId,
    detail: "detail" in outcome ? outcome.detail : undefined,
    customer: maskMobile(input.customerMobile),
    amount: input.amount,
    latencyMs,
  });
  return toResult(outcome, input, clientRefId, config, startedAt);
}
