import { z } from "zod";
import { ekoAmount, ekoInt, ekoText } from "../envelope";
import { defineOperation } from "../operation";
import { PPI_LEVIN } from "./paths";

export type TransferRequest = {
  clientRefId: string;
  recipientId: number;
  beneficiaryId?: string;
  amount: number;
  customerMobile: string;
  otp: string;
  otpRefId: string;
  /** Eko's channel: 2 NEFT, 0 IMPS. */
  channel: number;
  latlong: string;
  /** ISO-8601, the moment the agent confirmed. */
  timestamp: string;
};

/** The fields of a transaction as Initiate Transaction and Transaction Inquiry both report them. */
export const transactionSchema = z.object({
  tx_status: ekoInt,
  txstatus_desc: z.string().optional().catch(undefined),
  tid: ekoText.optional(),
  bank_ref_num: ekoText.optional().catch(undefined),
  amount: ekoAmount.optional().catch(undefined),
  fee: ekoAmount.optional().catch(undefined),
  client_ref_id: z.string().optional().catch(undefined),
  recipient_name: z.string().optional().catch(undefined),
  timestamp: z.string().optional().catch(undefined),
  utrnumber: ekoText.optional().catch(undefined),
  /** May be the full account number: the desk keeps only its last four digits. */
  account: ekoText.optional().catch(undefined),
  bank: z.string().optional().catch(undefined),
});
export type Transaction = z.infer<typeof transactionSchema>;

const initiatedSchema = transactionSchema.extend({
  tid: ekoText,
  collectable_amount: ekoAmount.optional().catch(undefined),
  channel_desc: z.string().optional().catch(undefined),
  balance: ekoAmount.optional().catch(undefined),
});
export type InitiatedTransaction = z.infer<typeof initiatedSchema>;

/** Initiate Transaction: moves money. 325 with `tx_status` (0 success, 1 failed, 2 awaited, 3 refund pending…). */
export const initiateTransaction = defineOperation({
  name: "initiate-transaction",
  method: "POST",
  path: () => PPI_LEVIN,
  fields: (r: TransferRequest) => ({
    client_ref_id: r.clientRefId,
    recipient_id: r.recipientId,
    beneficiary_id: r.beneficiaryId || undefined,
    amount: r.amount,
    timestamp: r.timestamp,
    currency: "INR",
    customer_id: r.customerMobile,
    channel: r.channel,
    otp: r.otp,
    otp_ref_id: r.otpRefId,
    latlong: r.latlong,
    state: "1",
    recipient_id_type: "1",
  }),
  data: initiatedSchema,
  succeeded: (e) => e.response_type_id === 325,
  movesMoney: true,
});
