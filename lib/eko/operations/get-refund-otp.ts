import { z } from "zod";
import { defineOperation } from "../operation";
import { segment } from "./paths";

/** Get Refund OTP: Eko texts the customer the OTP that says the agent has handed their cash back (2133). */
export const getRefundOtp = defineOperation({
  name: "get-refund-otp",
  method: "POST",
  path: ({ tid }: { tid: string }) => `/customer/payment/refund/${segment(tid)}/otp`,
  fields: () => ({}),
  data: z.object({ otp_ref_id: z.string().trim().min(1) }),
  succeeded: (e) => e.response_type_id === 2133 || e.status === 0,
  movesMoney: false,
});
