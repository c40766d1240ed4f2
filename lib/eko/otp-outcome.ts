import { interpretAnswer, type EkoOutcome } from "./operation";
import { sendTransactionOtp } from "./operations/send-transaction-otp";

import type { EkoCodes } from "./envelope";

export type { EkoCodes };
export type { EkoUnknownReason } from "./operation";

/** Send Transaction OTP's outcome as the OTP desk speaks of it: `sent` with the reference the next step needs. */
export type EkoOtpOutcome =
  | { kind: "sent"; otpRefId: string; codes: EkoCodes; httpStatus: number }
  | Exclude<EkoOutcome<unknown>, { kind: "ok" }>;

export function asOtpOutcome(outcome: EkoOutcome<{ otp_ref_id: string }>): EkoOtpOutcome {
  if (outcome.kind !== "ok") return outcome;
  return { kind: "sent", otpRefId: outcome.data.otp_ref_id, codes: outcome.codes, httpStatus: outcome.httpStatus };
}

/** Turns Eko's HTTP answer to Send Transaction OTP into one typed outcome. Pure: no I/O. */
export function interpretOtpResponse(httpStatus: number, bodyText: string): EkoOtpOutcome {
  return asOtpOutcome(interpretAnswer(sendTransactionOtp, httpStatus, bodyText));
}
