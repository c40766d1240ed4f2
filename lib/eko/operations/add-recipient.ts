import { z } from "zod";
import { ekoInt } from "../envelope";
import { defineOperation } from "../operation";
import { senderPath } from "./paths";

export type NewRecipient = {
  customerMobile: string;
  clientRefId: string;
  /** Eko's bank id when the desk knows it; with `type: "ifsc"` Eko finds the bank from the IFSC. */
  bankId?: number;
  name: string;
  mobile: string;
  /** Goes to Eko only; the desk keeps a masked form. */
  account: string;
  ifsc: string;
  /** 1 savings, 2 current. */
  accountType: "1" | "2";
};

/** Add Recipient: 43 with the new `recipient_id`. */
export const addRecipient = defineOperation({
  name: "add-recipient",
  method: "POST",
  path: ({ customerMobile }: NewRecipient) => `${senderPath(customerMobile)}/recipient`,
  fields: (r) => ({
    client_ref_id: r.clientRefId,
    bank_id: r.bankId,
    recipient_name: r.name,
    recipient_mobile: r.mobile,
    recipient_type: "3",
    account: r.account,
    ifsc: r.ifsc,
    type: "ifsc",
    account_type: r.accountType,
  }),
  data: z.object({ recipient_id: ekoInt }),
  succeeded: (e) => e.response_type_id === 43,
  movesMoney: false,
});
