import "server-only";
import { getDb } from "@/lib/db/client";
import { getEkoConfig, type EkoConfig } from "@/lib/eko/config";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import type { EkoOtpOutcome } from "@/lib/eko/otp-outcome";
import { rejectionReasonOf } from "@/lib/eko/rejection-reason";
import { sendTransactionOtp } from "@/lib/eko/send-transaction-otp";
import { logEvent } from "@/lib/log";
import { getMobileVault } from "@/lib/privacy/mobile-vault";
import { recordOutcome, recordPending, type Completion } from "./ledger-repository";
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

function completionOf(outcome: EkoOtpOutcome, latencyMs: number): Completion {
  const codes = outcome.kind === "unknown" ? null : outcome.codes;
  return {
    state: outcome.kind === "sent" ? "sent" : outcome.kind,
    otpRefId: outcome.kind === "sent" ? outcome.otpRefId : null,
    failureReason: outcome.kind === "failed" || outcome.kind === "unknown" ? outcome.reason : null,
    ekoStatus: codes?.status ?? null,
    ekoResponseStatusId: codes?.responseStatusId ?? null,
    ekoResponseTypeId: codes?.responseTypeId ?? null,
    ekoMessage: codes?.message ?? null,
    httpStatus: outcome.kind === "unknown" ? null : outcome.httpStatus,
    latencyMs,
  };
}

/** A database error's code or class only: its message can quote the query's parameters. */
function errorCodeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause && typeof error.cause === "object" ? error.cause : error;
  if (cause && typeof cause === "object" && "code" in cause && typeof cause.code === "string") return cause.code;
  return error instanceof Error ? error.name : "unknown";
}

/** Who is asking: the agent's name for the ledger and the Eko user_code the request is made under. */
export type Actor = { agent: string; userCode: string };

/**
 * The agent's request for a transaction OTP: a ledger row first, then one signed call to Eko, then the row completed.
 * If the ledger cannot be written, Eko is not called: nothing goes out that the supervisors cannot see.
 */
export async function requestTransactionOtp(input: OtpRequestInput, actor: Actor): Promise<OtpRequestResult> {
  const config = getEkoConfig();
  const clientRefId = newClientRefId();
  const customer = maskMobile(input.customerMobile);
  let db;
  try {
    db = await getDb();
    await recordPending(db, {
      clientRefId,
      agent: actor.agent,
      userCode: actor.userCode,
      ...getMobileVault().protect(input.customerMobile),
      recipientId: input.recipientId,
      beneficiaryId: input.beneficiaryId ?? null,
      amount: input.amount,
    });
  } catch (error) {
    logEvent("error", "ledger.write_failed", { clientRefId, customer, stage: "pending", error: errorCodeOf(error) });
    return { status: "failed", reason: "ledger-unavailable", clientRefId, eko: null, httpStatus: null };
  }

  const startedAt = new Date();
  const outcome = await sendTransactionOtp(
    {
      clientRefId,
      userCode: actor.userCode,
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
    agent: actor.agent,
    outcome: outcome.kind,
    reason: "reason" in outcome ? outcome.reason : undefined,
    httpStatus: "httpStatus" in outcome ? outcome.httpStatus : undefined,
    ekoStatus: codes?.status,
    ekoResponseTypeId: codes?.responseTypeId,
    detail: "detail" in outcome ? outcome.detail : undefined,
    customer,
    amount: input.amount,
    latencyMs,
  });
  try {
    await recordOutcome(db, clientRefId, completionOf(outcome, latencyMs));
  } catch (error) {
    // The row stays `pending` and reads `unknown` once stale: the agent still gets Eko's answer now.
    logEvent("error", "ledger.write_failed", { clientRefId, customer, stage: "outcome", error: errorCodeOf(error) });
  }
  return toResult(outcome, input, clientRefId, config, startedAt);
}
