"use server";

import { parseActionInput } from "@/lib/actions/parse-action-input";
import { getEkoConfig } from "@/lib/eko/config";
import type { FieldErrors, OtpRequestResult } from "@/lib/otp-requests/result";
import { createOtpRequestSchema } from "@/lib/otp-requests/schema";
import { requestTransactionOtp } from "@/lib/otp-requests/service";

const SHARED_DESK_AGENT = "counter";

export async function sendOtpAction(raw: unknown): Promise<OtpRequestResult> {
  const { minAmount, maxAmount, userCode } = getEkoConfig();
  const input = parseActionInput(createOtpRequestSchema({ minAmount, maxAmount }), raw);
  if (!input.ok) return { status: "invalid", fieldErrors: input.fieldErrors as FieldErrors, formError: input.formError };
  // Until accounts exist every request is the shared counter's, under the configured user_code.
  return requestTransactionOtp(input.data, { agent: SHARED_DESK_AGENT, userCode });
}
