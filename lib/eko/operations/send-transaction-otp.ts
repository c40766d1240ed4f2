import { z } from "zod";
import { defineOperation } from "../operation";
import { PPI_LEVIN, PPI_LEVIN_SERVICE_CODE } from "./paths";

export type SendOtpRequest = {
  clientRefId: string;
  recipientId: number;
  amount: number;
  customerMobile: string;
  beneficiaryId?: string;
};

/** Send Transaction OTP. Success is not `status: 0` here: Eko's published success is 2133 with an `otp_ref_id`. */
export const sendTransactionOtp = defineOperation({
  name: "send-transaction-otp",
  method: "POST",
  path: () => `${PPI_LEVIN}/otp`,
  fields: (r: SendOtpRequest) => ({
    client_ref_id: r.clientRefId,
    recipient_id: r.recipientId,
    amount: r.amount,
    customer_id: r.customerMobile,
    service_code: PPI_LEVIN_SERVICE_CODE,
    beneficiary_id: r.beneficiaryId || undefined,
  }),
  data: z.object({ otp_ref_id: z.string().trim().min(1) }),
  succeeded: (e) => e.response_type_id === 2133 || e.status === 0,
  movesMoney: false,
});
