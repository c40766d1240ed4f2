import { z } from "zod";
import { ekoAmount } from "../envelope";
import { defineOperation } from "../operation";
import { senderPath } from "./paths";
import type { Wallet } from "./aadhaar";
import { customerProfileSchema } from "./verify-sender-otp";

/** What a KYC step's success may carry: the updated profile and, when Eko opens the wallet, its token. */
export const kycProfileData = z.object({
  customer_profile: customerProfileSchema.optional().catch(undefined),
  wallet_token: z.string().trim().min(1).optional().catch(undefined),
  wallet_id: z.union([z.string(), z.number()]).optional().catch(undefined),
  next_allowed_limit: ekoAmount.optional().catch(undefined),
});

/** Validate PAN: 309 with the customer's updated profile (a higher limit). The PAN goes to Eko only. */
export const validatePan = defineOperation({
  name: "validate-pan",
  method: "POST",
  path: ({ customerMobile }: { customerMobile: string; pan: string; clientRefId: string } & Wallet) => `${senderPath(customerMobile)}/pan`,
  fields: (i) => ({ client_ref_id: i.clientRefId, pan_number: i.pan, wallet_id: i.walletId, wallet_token: i.walletToken }),
  data: kycProfileData,
  succeeded: (e) => e.status === 0 && e.response_type_id === 309,
  secrets: (i) => [i.pan],
  movesMoney: false,
});
