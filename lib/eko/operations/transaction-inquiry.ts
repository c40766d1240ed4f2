import { defineOperation } from "../operation";
import { transactionSchema } from "./initiate-transaction";
import { segment } from "./paths";

/** By Eko's TID, or by the desk's own `client_ref_id` (all that is known when Initiate Transaction went unanswered). */
export type TransactionReference = { tid: string } | { clientRefId: string };

/** Transaction Inquiry: 1472 with the transaction's `tx_status`. Read-only, so safe to ask again. */
export const transactionInquiry = defineOperation({
  name: "transaction-inquiry",
  method: "GET",
  path: (reference: TransactionReference) =>
    `/tools/reference/transaction/${"tid" in reference ? segment(reference.tid) : `client_ref_id:${segment(reference.clientRefId)}`}`,
  fields: () => ({}),
  data: transactionSchema,
  succeeded: (e) => e.status === 0 && e.response_type_id === 1472,
  movesMoney: false,
});
