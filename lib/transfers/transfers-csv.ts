import "server-only";
import { getDb } from "@/lib/db/client";
import { cell, istTimestamp } from "@/lib/otp-requests/requests-csv";
import type { TransferFilters } from "./review-filters";
import { iterateTransfers } from "./review";
import type { TransferView } from "./view";

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
] as const;

/** One line: the mobile and the account only ever in the masked form the view carries. */
export function transferCsvLine(row: TransferView): string {
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
  ]
    .map(cell)
    .join(",");
}

/** The filtered transfers as CSV, pulled a batch at a time as the client reads. */
export function exportTransfersCsv(filters: TransferFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let batches: AsyncGenerator<TransferView[]> | undefined;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${TRANSFERS_CSV_HEADER.join(",")}\r\n`));
      batches = iterateTransfers(await getDb(), filters);
    },
    async pull(controller) {
      const next = await batches?.next();
      if (!next || next.done) return controller.close();
      controller.enqueue(encoder.encode(`${next.value.map(transferCsvLine).join("\r\n")}\r\n`));
    },
    async cancel() {
      await batches?.return(undefined);
    },
  });
}
