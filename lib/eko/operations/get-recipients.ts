import { z } from "zod";
import { ekoAmount, ekoInt, ekoText } from "../envelope";
import { defineOperation } from "../operation";
import { senderPath } from "./paths";

export const recipientSchema = z.object({
  recipient_id: ekoInt,
  beneficiary_id: ekoText.nullable().optional(),
  recipient_name: z.string().catch(""),
  recipient_mobile: z.string().optional().catch(undefined),
  bank: z.string().catch(""),
  /** Masked by Eko already ("1XXXXXX90657"). */
  account: z.string().catch(""),
  ifsc: z.string().catch(""),
  channel: ekoInt.optional().catch(undefined),
  allowed_channel: ekoInt.optional().catch(undefined),
  available_channel: ekoInt.optional().catch(undefined),
  is_verified: ekoInt.optional().catch(undefined),
  imps_inactive_reason: z.string().optional().catch(undefined),
});

/** Get Recipients: 23 with the customer's recipients and how far they may send before PAN is required. */
export const getRecipients = defineOperation({
  name: "get-recipients",
  method: "GET",
  path: ({ customerMobile }: { customerMobile: string }) => `${senderPath(customerMobile)}/recipients`,
  fields: () => ({}),
  data: z.object({
    recipient_list: z.array(recipientSchema).catch([]),
    pan_required: ekoInt.optional().catch(undefined),
    remaining_limit_before_pan_required: ekoAmount.optional().catch(undefined),
  }),
  succeeded: (e) => e.response_type_id === 23,
  movesMoney: false,
});
