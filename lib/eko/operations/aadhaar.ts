import { z } from "zod";
import { defineOperation } from "../operation";
import { senderPath } from "./paths";
import { kycProfileData } from "./validate-pan";

/** The customer's wallet at Eko: empty strings when the desk holds no token yet, as Eko's own PAN sample sends. */
export type Wallet = { walletToken: string; walletId: string };

/** Validate Aadhaar: Eko texts the OTP of the customer's Aadhaar (1388, `status` 0). The number goes to Eko only. */
export const validateAadhaar = defineOperation({
  name: "validate-aadhaar",
  method: "POST",
  path: ({ customerMobile }: { customerMobile: string; aadhaar: string; clientRefId: string } & Wallet) =>
    `${senderPath(customerMobile)}/aadhaar/otp`,
  fields: (i) => ({ client_ref_id: i.clientRefId, aadhar: i.aadhaar, wallet_token: i.walletToken, wallet_id: i.walletId }),
  data: z.object({ otp_ref_id: z.coerce.string().trim().min(1), mobile_hint: z.string().optional().catch(undefined) }),
  succeeded: (e) => e.status === 0 && e.response_type_id === 1388,
  secrets: (i) => [i.aadhaar],
  movesMoney: false,
});

/**
 * Verify Aadhaar OTP (`intent_id` 20): Eko's published success is `verified: true` alone; Eko may also send the
 * profile and a wallet token, or ask for PAN next (2147). A wrong OTP keeps 1388 with `response_status_id` 302.
 */
export const verifyAadhaarOtp = defineOperation({
  name: "verify-aadhaar-otp",
  method: "POST",
  path: ({ customerMobile }: { customerMobile: string; otp: string; otpRefId: string; clientRefId: string } & Wallet) =>
    `${senderPath(customerMobile)}/aadhaar/otp/verify`,
  fields: (i) => ({
    client_ref_id: i.clientRefId,
    otp: i.otp,
    otp_ref_id: i.otpRefId,
    intent_id: "20",
    wallet_token: i.walletToken,
    wallet_id: i.walletId,
  }),
  data: kycProfileData.extend({ verified: z.literal(true) }),
  succeeded: (e) => e.status === 0 && e.response_type_id === 1388 && (e.data as { verified?: unknown } | undefined)?.verified === true,
  movesMoney: false,
});
