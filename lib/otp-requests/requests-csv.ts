import type { ReviewRow } from "./review-filters";

export const CSV_HEADER = [
  "time_ist",
  "agent",
  "user_code",
  "customer_mobile",
  "recipient_id",
  "beneficiary_id",
  "amount_inr",
  "outcome",
  "eko_status",
  "response_status_id",
  "response_type_id",
  "eko_message",
  "http_status",
  "otp_ref_id",
  "latency_ms",
  "recipient_name",
  "recipient_bank",
  "recipient_account",
] as const;

const IST_OFFSET_MS = 5.5 * 60 * 60 * 1000;

/** "2026-11-24 22:25:36 IST": fixed offset arithmetic, so a million rows do not go through Intl. */
export function istTimestamp(iso: string): string {
  return `${new Date(Date.parse(iso) + IST_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ")} IST`;
}

export function cell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  // No text cell may run as a spreadsheet formula: anything that comes from outside (Eko's message and references,
  // names) can start with one. Numbers are written as numbers, so a negative one keeps its sign.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line; the mobile is only ever the masked form the row already carries. */
export function csvLine(row: ReviewRow): string {
  return [
    cell(istTimestamp(row.createdAt)),
    cell(row.agent),
    cell(row.userCode),
    cell(row.customerMobileMasked),
    cell(row.recipientId),
    cell(row.beneficiaryId),
    cell(row.amount),
    cell(row.state),
    cell(row.ekoStatus),
    cell(row.ekoResponseStatusId),
    cell(row.ekoResponseTypeId),
    cell(row.ekoMessage),
    cell(row.httpStatus),
    cell(row.otpRefId),
    cell(row.latencyMs),
    cell(row.recipientName),
    cell(row.recipientBank),
    cell(row.recipientAccountMasked),
  ].join(",");
}
