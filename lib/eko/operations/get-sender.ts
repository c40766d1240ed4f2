import { z } from "zod";
import { ekoInt } from "../envelope";
import { defineOperation } from "../operation";
import { senderPath } from "./paths";

export const SENDER_NOT_ENROLLED = 308;

/**
 * Get Sender: for an enrolled customer Eko texts a verification OTP (2129, `intent_id` 19); 308 (rejected) means not
 * enrolled, so onboarding comes next.
 */
export const getSender = defineOperation({
  name: "get-sender",
  method: "GET",
  path: ({ customerMobile }: { customerMobile: string }) => senderPath(customerMobile),
  fields: () => ({}),
  data: z.object({ otp_ref_id: z.string().trim().min(1), intent_id: ekoInt }),
  succeeded: (e) => e.response_type_id === 2129,
  movesMoney: false,
});
