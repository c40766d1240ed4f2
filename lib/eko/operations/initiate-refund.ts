import { z } from "zod";
import { ekoAmount, ekoText } from "../envelope";
import { defineOperation } from "../operation";
import { PPI_LEVIN_SERVICE_CODE, segment } from "./paths";

const refundSchema = z.object({
  refund_tid: ekoText,
  tid: ekoText.optional(),
  refunded_amount: ekoAmount.optional().catch(undefined),
  amount: ekoAmount.optional().catch(undefined),
  fee: ekoAmount.optional().catch(undefined),
  timestamp: z.string().optional().catch(undefined),
});
export type Refund = z.infer<typeof refundSchema>;

/** Initiate Refund: moves money (the e-value back to the agent). 74 "Refund done" with the refund's own TID. */
export const initiateRefund = defineOperation({
  name: "initiate-refund",
  method: "POST",
  path: ({ tid }: { tid: string; otp: string; otpRefId: string }) => `/customer/payment/refund/${segment(tid)}`,
  fields: ({ otp, otpRefId }) => ({ otp, otp_ref_id: otpRefId, service_code: PPI_LEVIN_SERVICE_CODE, state: 1 }),
  data: refundSchema,
  succeeded: (e) => e.response_type_id === 74,
  movesMoney: true,
});
