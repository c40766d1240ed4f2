import { z } from "zod";
import { ekoText } from "../envelope";
import { defineOperation } from "../operation";
import { senderPath } from "./paths";

/** Add Recipient Bank: 1741 with the recipient's `beneficiary_id`. The wallet token is the verified customer's. */
export const addRecipientBank = defineOperation({
  name: "add-recipient-bank",
  method: "POST",
  path: ({ customerMobile }: { customerMobile: string; recipientId: number; walletToken: string; clientRefId: string }) =>
    `${senderPath(customerMobile)}/bank/recipient`,
  fields: ({ recipientId, walletToken, clientRefId }) => ({ recipient_id: String(recipientId), wallet_token: walletToken, client_ref_id: clientRefId }),
  data: z.object({ beneficiary_id: ekoText.pipe(z.string().trim().min(1)) }),
  succeeded: (e) => e.response_type_id === 1741,
  movesMoney: false,
});
