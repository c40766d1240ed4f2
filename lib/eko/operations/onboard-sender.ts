import { z } from "zod";
import { ekoInt } from "../envelope";
import { defineOperation } from "../operation";
import { PPI_LEVIN_SERVICE_CODE, senderPath } from "./paths";

export type NewSender = {
  customerMobile: string;
  clientRefId: string;
  name: string;
  /** YYYY-MM-DD. */
  dob: string;
  /** Eko's `residence_address` lines: house and street, city or district, state, pincode. */
  address: readonly [string, string, string, string];
};

/** Onboard Sender: Eko texts the new customer an OTP (2129), verified next with Verify Sender OTP, `intent_id` 19. */
export const onboardSender = defineOperation({
  name: "onboard-sender",
  method: "POST",
  path: ({ customerMobile }: NewSender) => senderPath(customerMobile),
  fields: (s) => ({
    client_ref_id: s.clientRefId,
    name: s.name,
    dob: s.dob,
    residence_address: [...s.address],
    service_code: PPI_LEVIN_SERVICE_CODE,
  }),
  data: z.object({ otp_ref_id: z.string().trim().min(1), intent_id: ekoInt.optional() }),
  succeeded: (e) => e.response_type_id === 2129,
  movesMoney: false,
});
