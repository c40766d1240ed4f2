import "server-only";
import { getDb } from "@/lib/db/client";
import type { TransferRow } from "@/lib/db/schema";
import { cell, istTimestamp } from "@/lib/otp-requests/requests-csv";
import type { TransferFilters } from "./review-filters";
import { iterateTransfers } from "./review";
import { latestRefundsOf } from "@/lib/refunds/repository";
import { refundViewOf, type RefundView } from "@/lib/refunds/view";
import { transferViewOf, type TransferView } from "./view";

export const TRANSFERS_CSV_HEADER = [
  "time_ist",
  "desk_ref",
  "agent",
  "customer_mobile",
  "recipient_id",
  "recipient_name",
  "recipient_bank",
  "recipient_account",
  "amount_inr",
  "fee_inr",
  "collected_inr",
  "state",
  "eko_tid",
  "bank_ref",
  "eko_status",
  "eko_message",
  "checks",
  "settled_ist",
  "refund_state",
  "refund_tid",
  "refunded_inr",
  "refund_ist",
] as const;

/** One line: the mobile and the account only ever in the masked form the view carries; the latest refund, if any. */
export function transferCsvLine(row: TransferView, refund?: RefundView): string {
  return [
    istTimestamp(row.createdAt),
    row.ref,
    row.agent,
    row.customerMobileMasked,
    row.recipientId,
    row.recipientName,
    row.recipientBank,
    row.recipientAccountMasked,
    row.amount,
    row.fee,
    row.collectable,
    row.state,
    row.tid,
    row.bankRef,
    row.eko?.status ?? null,
    row.eko?.message ?? null,
    row.checks,
    row.settledAt ? istTimestamp(row.settledAt) : null,
    refund?.state ?? null,
    refund?.refundTid ?? null,
    refund?.refunded ?? null,
    refund ? istTimestamp(refund.settledAt ?? refund.createdAt) : null,
  ]
    .map(cell)
    .join(",");
}

/** The filtered transfers as CSV, pulled a batch at a time as the client reads. */
export function exportTransfersCsv(filters: TransferFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let batches: AsyncGenerator<TransferRow[]> | undefined;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${TRANSFERS_CSV_HEADER.join(",")}\r\n`));
      batches = iterateTransfers(await getDb(), filters);
    },
    async pull(controller) {
      const next = await batches?.next();
      if (!next || next.done) return controller.close();
      const refunds = await latestRefundsOf(
        await getDb(),
        next.value.map((row) => row.id),
      );
      const lines = next.value.map((row) => {
        const refund = refunds.get(row.id);
        return transferCsvLine(transferViewOf(row), refund && refundViewOf(refund));
      });
      controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
    },
    async cancel() {
      await batches?.return(undefined);
    },
  });
}
