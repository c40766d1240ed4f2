import { z } from "zod";
import { ekoAmount, ekoInt } from "../envelope";
import { defineOperation } from "../operation";
import { senderPath } from "./paths";

/** The answers that are next steps, not refusals: KYC to complete before the customer may send. */
export const AADHAAR_PENDING = 2136;
export const PAN_REQUIRED = 2147;

export const customerProfileSchema = z.object({
  name: z.string().catch(""),
  mobile: z.string().optional(),
  total_monthly_limit: ekoAmount.optional().catch(undefined),
  next_allowed_limit: ekoAmount.optional().catch(undefined),
  kyc_state: ekoInt.optional().catch(undefined),
  chart: z
    .array(z.object({ data: z.object({ used: ekoAmount.optional(), remaining: ekoAmount.optional(), unavailable: ekoAmount.optional() }).partial() }))
    .optional()
    .catch(undefined),
});

/** Verify Sender OTP (`intent_id` 19 after Get Sender or Onboard, 20 after Aadhaar): 309 with the profile and wallet token. */
export const verifySenderOtp = defineOperation({
  name: "verify-sender-otp",
  method: "POST",
  path: ({ customerMobile }: { customerMobile: string; otp: string; otpRefId: string; intentId: "19" | "20"; clientRefId: string }) =>
    `${senderPath(customerMobile)}/otp/verify`,
  fields: ({ otp, otpRefId, intentId, clientRefId }) => ({ otp, otp_ref_id: otpRefId, intent_id: intentId, client_ref_id: clientRefId }),
  data: z.object({
    customer_profile: customerProfileSchema,
    wallet_token: z.string().trim().min(1),
    wallet_id: z.union([z.string(), z.number()]).optional(),
    next_allowed_limit: ekoAmount.optional().catch(undefined),
  }),
  succeeded: (e) => e.response_type_id === 309,
  movesMoney: false,
});
