import "server-only";
import { asOtpOutcome, type EkoOtpOutcome } from "./otp-outcome";
import { sendTransactionOtp as operation, type SendOtpRequest as OtpFields } from "./operations/send-transaction-otp";
import { callEko, type TransportDeps } from "./transport";

export type SendOtpRequest = OtpFields & { userCode: string };
export type SendOtpDeps = Omit<TransportDeps, "userCode">;

/** Send Transaction OTP through the one Eko client, for the agent whose user_code is given. */
export async function sendTransactionOtp(request: SendOtpRequest, deps: SendOtpDeps): Promise<EkoOtpOutcome> {
  const { userCode, ...fields } = request;
  return asOtpOutcome(await callEko(operation, fields, { ...deps, userCode }));
}
